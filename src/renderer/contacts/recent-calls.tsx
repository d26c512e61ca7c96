import { useState } from 'react';
import type { CallSummary } from '../../shared/ipc/contacts.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { CallRecordings } from '../recordings/recording-player.tsx';

const statusText: Record<CallSummary['status'], string> = {
  answered: 'answered',
  missed: 'missed',
  rejected: 'declined',
  failed: 'failed',
  'in-progress': 'now',
};

export function RecentCalls({ calls }: { calls: CallSummary[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (calls.length === 0) return <p className="muted">No earlier calls.</p>;
  return (
    <ul className="recent-calls">
      {calls.map((c) => (
        <li key={c.id} className={c.status === 'missed' ? 'missed' : undefined}>
          <span>{new Date(c.inviteAt).toLocaleString()}</span>
          <span>{statusText[c.status]}</span>
          <span>{c.durationMs !== null ? formatDuration(c.durationMs) : ''}</span>
          <span>
            {c.recorded && (
              <button type="button" className="link-button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                {open === c.id ? 'Close' : 'Listen'}
              </button>
            )}
          </span>
          {open === c.id && (
            <div className="recent-call-player">
              <CallRecordings callId={c.id} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
