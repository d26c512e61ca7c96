import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../shared/ipc/settings.ts';
import { el } from './locales/el.ts';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

export const catalogues = { en, ru, el } satisfies Record<UiLanguage, object>;

/** One i18next instance for the page; the language follows the setting. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru }, el: { translation: el } },
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders; escaping here too would show entities.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setUiLanguage(language: UiLanguage): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
