/**
 * Every string of the app goes through i18next: Indonesian first, English as the switch. The
 * shared namespace (`common`) lives here; each feature adds its own namespace when its route loads
 * (`addMessages`), so a page carries only its own strings. Numbers and dates go through `Intl`.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { common as en } from './en.ts';
import { common as id } from './id.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sinergi.lang';

/** BCP 47 locales for `Intl`. */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

export const i18n = i18next.createInstance();

export function initI18n(): Promise<unknown> {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  return i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    ns: ['common'],
    resources: { id: { common: id }, en: { common: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

/**
 * A feature's messages, one object per language with the same keys (the type makes a missing
 * English key a type error). Call once at the top of the feature's route module.
 */
export function addMessages<T extends Record<string, unknown>>(ns: string, messages: { id: T; en: T }): void {
  for (const lang of LANGUAGES) {
    if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, messages[lang], true, true);
  }
}

export { useTranslation };

/** Numbers and dates in the current language's conventions (id-ID: 1.234,5 and 2 Des 2026). */
export function useFormat() {
  const { i18n: instance } = useTranslation();
  const locale = LOCALES[instance.language === 'en' ? 'en' : 'id'];
  return formatters(locale);
}

export function formatters(locale: string) {
  return {
    number: (n: number, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
        n,
      ),
    percent: (fraction: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
