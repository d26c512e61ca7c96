import { Phone } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store.ts';
import { dial } from './call-actions.ts';

/** "Call a number or extension": digits, +, * and # as a desk phone would take them. */
export function DialForm() {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const onCall = useAppStore((s) => s.calls.some((c) => c.state !== 'ended'));
  return (
    <form
      className="dial-form"
      onSubmit={(e) => {
        e.preventDefault();
        const number = target.replace(/[\s()-]/g, '');
        if (!number) return;
        dial(number);
        setTarget('');
      }}
    >
      <label className="field inline-field">
        {t('dial.label')}
        <input value={target} onChange={(e) => setTarget(e.target.value)} inputMode="tel" autoComplete="off" />
      </label>
      <button type="submit" className="button button-answer" disabled={onCall || !target.trim()}>
        <Phone size={16} aria-hidden /> {t('dial.call')}
      </button>
    </form>
  );
}
