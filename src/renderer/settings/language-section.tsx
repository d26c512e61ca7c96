import { useTranslation } from 'react-i18next';
import { uiLanguageSchema, type UiLanguage } from '../../shared/ipc/settings.ts';
import { RegionSelect } from './region-select.tsx';
import type { SectionValues } from './settings-sections.ts';

export const languageName: Record<UiLanguage, string> = { en: 'English', ru: 'Русский', el: 'Ελληνικά' };

interface Props {
  language: UiLanguage;
  /** Saves the language at once: the screens change as it is chosen. */
  onLanguage(language: UiLanguage): void;
  values: SectionValues['language'];
  onChange(values: SectionValues['language']): void;
}

export function LanguageSection({ language, onLanguage, values, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        {t('settings.uiLanguage')}
        <select value={language} aria-describedby="ui-language-hint" onChange={(e) => onLanguage(uiLanguageSchema.parse(e.target.value))}>
          {uiLanguageSchema.options.map((option) => (
            <option key={option} value={option}>
              {languageName[option]}
            </option>
          ))}
        </select>
        <span id="ui-language-hint" className="muted small">
          {t('settingsScreen.languageHint')}
        </span>
      </label>
      <div className="field">
        <label htmlFor="settings-region">{t('setup.region')}</label>
        <RegionSelect id="settings-region" value={values.defaultRegion} onChange={(defaultRegion) => onChange({ defaultRegion })} describedBy="region-hint" />
        <span id="region-hint" className="muted small">
          {t('setup.regionHint')}
        </span>
      </div>
    </>
  );
}
