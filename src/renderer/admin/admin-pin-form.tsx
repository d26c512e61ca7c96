import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminStatus } from '../../shared/ipc/admin.ts';
import { runAction } from '../state/app-store.ts';

/** First use: choose the admin PIN (typed twice). Later: enter it to unlock this window. */
export function AdminPinForm({ pinSet, onUnlocked }: { pinSet: boolean; onUnlocked(status: AdminStatus): void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pinSet && pin !== repeat) {
      setProblem(t('adminPin.differ'));
      return;
    }
    if (!/^\d{4,12}$/.test(pin)) {
      setProblem(t('adminPin.digits'));
      return;
    }
    setProblem(null);
    const status = await runAction((api) => (pinSet ? api.call('admin.unlock', { pin }) : api.call('admin.setPin', { pin, currentPin: null })));
    setPin('');
    setRepeat('');
    if (status) onUnlocked(status);
  };
  const digits = (set: (value: string) => void) => (e: { target: { value: string } }) => set(e.target.value.replace(/\D/g, '').slice(0, 12));

  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)}>
      <p>
        {pinSet ? t('adminPin.enter') : t('adminPin.choose')}
      </p>
      <label className="field">
        {pinSet ? t('adminPin.pin') : t('adminPin.newPin')}
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={digits(setPin)} autoFocus />
      </label>
      {!pinSet && (
        <label className="field">
          {t('adminPin.repeat')}
          <input type="password" inputMode="numeric" autoComplete="off" value={repeat} onChange={digits(setRepeat)} />
        </label>
      )}
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary">{pinSet ? t('adminPin.unlock') : t('adminPin.setAndUnlock')}</button>
      </div>
    </form>
  );
}
