import type { PresenceBeacon } from '../../shared/ipc/colleagues.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { Availability } from '../../shared/ipc/settings.ts';

/**
 * This desk's status as colleagues see it: on a call while a call is being answered, dialled or
 * talked on (a call only ringing does not count: the desk is still free to pick up), else the
 * person's availability.
 */
export function deskPresenceStatus(calls: readonly Pick<LiveCall, 'state'>[], availability: Availability): PresenceBeacon['status'] {
  const onCall = calls.some((c) => c.state === 'active' || c.state === 'answering' || c.state === 'dialing');
  return onCall ? 'on-call' : availability === 'away' ? 'away' : 'available';
}
