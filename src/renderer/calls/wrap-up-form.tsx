import { useState, type FormEvent } from 'react';
import { callOutcomeSchema, type CallOutcome } from '../../shared/ipc/calls.ts';
import { runAction } from '../state/app-store.ts';
import { outcomeText } from './outcome-text.ts';

/** After hang-up (R23): the outcome, the next step with its time and who does it, notes. */
export function WrapUpForm({ callId, title, onDone, onLater }: { callId: string; title: string; onDone(): void; onLater?(): void }) {
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [when, setWhen] = useState('');
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [notes, setNotes] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    // datetime-local is the office's local time.
    const nextStepAt = when ? new Date(when).getTime() : null;
    const saved = await runAction((api) => api.call('calls.wrapUp', { callId, outcome, nextStepAt, nextStepWhat: what, nextStepWho: who, notes }));
    if (saved) onDone();
  };

  return (
    <form className="wrap-up" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      <div className="admin-grid">
        <label className="field">
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as CallOutcome | '')} required>
            <option value="">Choose…</option>
            {callOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>{outcomeText[o]}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Next step — when
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <label className="field">
          Next step — what
          <input value={what} onChange={(e) => setWhat(e.target.value)} placeholder="Meeting at our office, offer by e-mail…" />
        </label>
        <label className="field">
          Next step — who
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="Who does it" />
        </label>
        <label className="field field-wide">
          Notes
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!outcome}>Save wrap-up</button>
        {onLater && (
          <button type="button" className="button" onClick={onLater}>Finish later</button>
        )}
      </div>
    </form>
  );
}
