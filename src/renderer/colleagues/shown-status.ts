import type { Colleague } from '../../shared/ipc/colleagues.ts';

/** What the directory shows for a colleague: their line from the phone system where it reports one, else their Ringside status. */
export type ShownStatus = Colleague['presence'] | 'line-busy' | 'line-ringing' | 'line-idle';

/**
 * The phone system knows about calls for certain (busy lamps), so its "on the phone" and "ringing"
 * win; a free line says nothing about whether they stepped away, so their own Ringside status
 * (available, away) stays where there is one.
 */
export function shownStatus(colleague: Pick<Colleague, 'presence' | 'line'>): ShownStatus {
  switch (colleague.line) {
    case 'busy':
      return 'line-busy';
    case 'ringing':
      return 'line-ringing';
    case 'idle':
      return colleague.presence === 'available' || colleague.presence === 'away' ? colleague.presence : 'line-idle';
    case null:
      return colleague.presence;
  }
}
