import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const catalogs = {
  vi: require('../locales/vi.json') as Record<string, string>,
  en: require('../locales/en.json') as Record<string, string>,
};
export type Locale = keyof typeof catalogs;
export type MessageKey = keyof typeof catalogs.vi;
export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Vietnamese unless the client explicitly prefers English. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'vi';
}
