import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/** VI / EN, remembered in localStorage (see i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <Segmented<Language>
      size="small"
      value={value}
      aria-label={t('language.label')}
      data-testid="language-switch"
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span title={t(`language.${lng}`)}>{lng.toUpperCase()}</span> }))}
      onChange={(lng) => void i18n.changeLanguage(lng)}
    />
  );
}
