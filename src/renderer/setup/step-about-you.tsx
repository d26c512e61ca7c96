import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/ipc/settings.ts';
import { runAction } from '../core/core-connection.ts';
import { SETUP_STEP_FORM } from './setup-step-form.ts';

/** Your name and the office's: the script's greeting says them. */
export function StepAboutYou({ settings, next }: { settings: Settings; next(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(settings.account.displayName);
  const [company, setCompany] = useState(settings.office.company);
  const [activity, setActivity] = useState(settings.office.activity);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await runAction((api) => api.call('settings.update', { account: { displayName: name.trim() }, office: { company: company.trim(), activity: activity.trim() } }));
    if (saved) next();
  };
  return (
    <form id={SETUP_STEP_FORM} className="setup-step" onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('setup.aboutIntro')}</p>
      <label className="field">
        {t('setup.yourName')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus autoComplete="name" />
      </label>
      <label className="field">
        {t('setup.company')}
        <input value={company} onChange={(e) => setCompany(e.target.value)} maxLength={120} placeholder={t('setup.companyExample')} autoComplete="organization" />
      </label>
      <label className="field">
        {t('setup.activity')}
        <input value={activity} onChange={(e) => setActivity(e.target.value)} maxLength={120} placeholder={t('setup.activityExample')} />
      </label>
    </form>
  );
}
