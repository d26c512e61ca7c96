import { useState, type FormEvent } from 'react';
import { runAction } from '../state/app-store.ts';

/** Changing the admin PIN needs the current one (a colleague at an unlocked window cannot). */
export function ChangePinForm() {
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
      <h3 id="change-pin-title">Change the admin PIN</h3>
      <div className="form-actions">
        <label className="field">
          Current PIN
          <input type="password" inputMode="numeric" autoComplete="off" value={current} onChange={digits(setCurrent)} />
        </label>
        <label className="field">
          New PIN (4–12 digits)
          <input type="password" inputMode="numeric" autoComplete="off" value={next} onChange={digits(setNext)} />
        </label>
        <button type="submit" className="button" disabled={current.length < 4 || next.length < 4}>Change PIN</button>
        {done && <span role="status" className="ok-text">PIN changed.</span>}
      </div>
    </form>
  );
}
