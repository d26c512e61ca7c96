import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../core/core-connection.ts';
import { DoneStatus } from '../app/done-status.tsx';

/** Changing the admin PIN needs the current one (a colleague at an unlocked window cannot). */
export function ChangePinForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const digits = (set: (value: string) => void) => (e: { target: { value: string } }) => {
    setDone(false);
    set(e.target.value.replace(/\D/g, '').slice(0, 12));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changed = await runAction((api) => api.call('admin.setPin', { pin: next, currentPin: current }));
    setCurrent('');
    setNext('');
    if (changed) setDone(true);
  };
  return (
    <form className="admin-panel" aria-labelledby="change-pin-title" onSubmit={(e) => void submit(e)}>
      <h3 id="change-pin-title">{t('admin.changePin.title')}</h3>
      <div className="form-actions">
        <label className="field">
          {t('admin.changePin.current')}
          <input type="password" inputMode="numeric" autoComplete="off" value={current} onChange={digits(setCurrent)} />
        </label>
        <label className="field">
          {t('admin.changePin.next')}
          <input type="password" inputMode="numeric" autoComplete="off" value={next} onChange={digits(setNext)} />
        </label>
        <button type="submit" className="button" disabled={current.length < 4 || next.length < 4}>
          {t('admin.changePin.change')}
        </button>
        <DoneStatus shown={done}>{t('admin.changePin.changed')}</DoneStatus>
      </div>
    </form>
  );
}
