import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../core/core-connection.ts';
import { SETUP_STEP_FORM } from './setup-step-form.ts';

/** The office's admin sets the first admin PIN here, on a new desk only (decision 0016); anyone else goes on with Later. */
export function StepAdminPin({ next }: { next(): void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const digits = (set: (value: string) => void) => (e: { target: { value: string } }) => set(e.target.value.replace(/\D/g, '').slice(0, 12));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4,12}$/.test(pin)) return setProblem(t('setup.pinDigits'));
    if (pin !== repeat) return setProblem(t('setup.pinsDiffer'));
    setProblem(null);
    const status = await runAction((api) => api.call('setup.setFirstAdminPin', { pin }));
    if (status) next();
  };
  return (
    <form id={SETUP_STEP_FORM} className="setup-step" onSubmit={(e) => void submit(e)}>
      <p>{t('setup.pinIntro')}</p>
      <p className="muted small">{t('setup.pinOnlyNow')}</p>
      <label className="field">
        {t('setup.newPin')}
        <input type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={digits(setPin)} autoFocus />
      </label>
      <label className="field">
        {t('setup.repeatPin')}
        <input type="password" inputMode="numeric" autoComplete="new-password" value={repeat} onChange={digits(setRepeat)} />
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
