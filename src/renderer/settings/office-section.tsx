import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/settings.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { languageName } from './language-section.tsx';
import type { SectionValues } from './settings-sections.ts';
import { useRequestedFocus } from './use-requested-focus.ts';

function parseChoice(value: string): Settings['script'] | null {
  const [id = '', locale = ''] = value.split(':');
  return locale === 'en' || locale === 'ru' || locale === 'el' ? { id, locale } : null;
}

interface Props {
  values: SectionValues['office'];
  onChange(values: SectionValues['office']): void;
}

/** The agent's name, the company and its line of business (the greeting says them), and the script calls follow. */
export function OfficeSection({ values, onChange }: Props) {
  const { t } = useTranslation();
  const scripts = useCoreQuery('scripts', 'scripts', (api) => api.call('scripts.list', {}));
  const office = (patch: Partial<SectionValues['office']['office']>) => onChange({ ...values, office: { ...values.office, ...patch } });
  const nameInput = useRequestedFocus<HTMLInputElement>('displayName');
  const companyInput = useRequestedFocus<HTMLInputElement>('company');
  return (
    <>
      <label className="field">
        {t('settingsScreen.displayName')}
        <input ref={nameInput} value={values.displayName} onChange={(e) => onChange({ ...values, displayName: e.target.value })} aria-describedby="display-name-hint" />
        <span id="display-name-hint" className="muted small">
          {t('settingsScreen.displayNameHint')}
        </span>
      </label>
      <label className="field">
        {t('settingsScreen.company')}
        <input ref={companyInput} value={values.office.company} onChange={(e) => office({ company: e.target.value })} placeholder={t('settingsScreen.companyExample')} />
      </label>
      <label className="field">
        {t('settingsScreen.activity')} <span className="hint">{t('settingsScreen.activityHint')}</span>
        <input value={values.office.activity} onChange={(e) => office({ activity: e.target.value })} placeholder={t('settingsScreen.activityExample')} />
      </label>
      <label className="field">
        {t('settingsScreen.script')}
        <select value={`${values.script.id}:${values.script.locale}`} onChange={(e) => onChange({ ...values, script: parseChoice(e.target.value) ?? values.script })}>
          {(scripts ?? [{ ...values.script, name: values.script.id }]).map((o) => (
            <option key={`${o.id}:${o.locale}`} value={`${o.id}:${o.locale}`}>
              {o.name} ({languageName[o.locale]})
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
