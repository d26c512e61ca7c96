import type { EndReason, LiveCall } from '../../shared/ipc/phone.ts';
import type { RingMode } from '../media/ringtone-player.ts';

/** The name to show: the card's contact, else the network's display name, else the number. */
export function callerName(call: Pick<LiveCall, 'card' | 'displayName' | 'number'>): string {
  return call.card.contact?.name || call.displayName || call.number || 'Unknown caller';
}

/** What the ringer plays: a ring only while a non-waiting call's ring sounds. */
export function ringModeFor(calls: readonly LiveCall[]): RingMode {
  const ringing = calls.filter((c) => c.state === 'ringing');
  if (ringing.some((c) => !c.waiting && c.ringPhase === 'on')) return 'ring';
  if (ringing.some((c) => c.waiting)) return 'waiting';
  return 'silent';
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function endReasonText(reason: EndReason | null, direction: 'inbound' | 'outbound' = 'inbound'): string {
  if (direction === 'outbound') {
    if (reason === 'missed') return 'No answer';
    if (reason === 'busy') return 'Busy';
    if (reason === 'caller-hung-up') return 'They hung up';
  }
  switch (reason) {
    case 'caller-hung-up':
      return 'The caller hung up';
    case 'agent-hung-up':
      return 'You hung up';
    case 'missed':
      return 'Missed: the caller hung up while it rang';
    case 'declined':
      return 'Declined';
    case 'busy':
      return 'Refused: all lines busy';
    case 'answered-elsewhere':
      return 'Answered on another phone';
    case 'failed':
      return 'The call failed';
    case 'interrupted':
      return 'Ringside stopped during the call';
    case 'transferred':
      return 'Transferred';
    case null:
      return 'Call ended';
  }
}
