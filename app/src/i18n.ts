/**
 * i18next set-up: Vietnamese is the default, English the second language; the choice is kept in
 * localStorage. Every user-visible text lives in locales/*.json.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { setLanguageProvider } from './api/client';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'dxpulse.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'vi' || value === 'en') return value;
  } catch {
    // storage unavailable (private mode): fall back to Vietnamese
  }
  return 'vi';
}

function apply(language: string) {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'vi');
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
apply(initial);

i18n.on('languageChanged', (language) => {
  apply(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore
  }
});

setLanguageProvider(() => (i18n.resolvedLanguage === 'en' ? 'en' : 'vi'));

/** Whether the user has picked a language on this device (their choice wins over the account's). */
export function hasStoredLanguage(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export default i18n;
