import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguageSchema, type Settings, type UiLanguage } from '../../shared/ipc/settings.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { languageName } from '../settings/language-section.tsx';
import { RegionSelect } from '../settings/region-select.tsx';
import { SETUP_STEP_FORM } from './setup-step-form.ts';

/** The language applies at once (screens, and the call script when it has that language); the region reads numbers without a country code. */
export function StepLanguageRegion({ settings, next }: { settings: Settings; next(): void }) {
  const { t } = useTranslation();
  const [region, setRegion] = useState(settings.defaultRegion);
  const scripts = useCoreQuery('scripts', 'scripts', (api) => api.call('scripts.list', {}));
  const chooseLanguage = (language: UiLanguage) => {
    const scriptInLanguage = scripts?.some((s) => s.id === settings.script.id && s.locale === language);
    void runAction((api) => api.call('settings.update', { language, ...(scriptInLanguage && { script: { id: settings.script.id, locale: language } }) }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await runAction((api) => api.call('settings.update', { defaultRegion: region }));
    if (saved) next();
  };
  return (
    <form id={SETUP_STEP_FORM} className="setup-step" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="setup-language">{t('setup.language')}</label>
        <select id="setup-language" value={settings.language} onChange={(e) => chooseLanguage(uiLanguageSchema.parse(e.target.value))} aria-describedby="setup-language-hint" autoFocus>
          {uiLanguageSchema.options.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageName[language]}
            </option>
          ))}
        </select>
        <span id="setup-language-hint" className="muted small">
          {t('setup.languageHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="setup-region">{t('setup.region')}</label>
        <RegionSelect id="setup-region" value={region} onChange={setRegion} describedBy="setup-region-hint" />
        <span id="setup-region-hint" className="muted small">
          {t('setup.regionHint')}
        </span>
      </div>
    </form>
  );
}
