import type { CallSummary } from '../../shared/ipc/contacts.ts';
import { formatDuration } from '../phone/call-presentation.ts';

const statusText: Record<CallSummary['status'], string> = {
  answered: 'answered',
  missed: 'missed',
  rejected: 'declined',
  failed: 'failed',
  'in-progress': 'now',
};

export function RecentCalls({ calls }: { calls: CallSummary[] }) {
  if (calls.length === 0) return <p className="muted">No earlier calls.</p>;
  return (
    <ul className="recent-calls">
      {calls.map((c) => (
        <li key={c.id} className={c.status === 'missed' ? 'missed' : undefined}>
          <span>{new Date(c.inviteAt).toLocaleString()}</span>
          <span>{statusText[c.status]}</span>
          <span>{c.durationMs !== null ? formatDuration(c.durationMs) : ''}</span>
        </li>
      ))}
    </ul>
  );
}
