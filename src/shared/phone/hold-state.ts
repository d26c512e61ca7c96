import { parse } from 'sdp-transform';
import { z } from 'zod';

/**
 * Who holds the call, read from the last completed offer/answer (never from what was asked for):
 *   none   — both send and receive
 *   local  — this desk holds the caller (our side sendonly/inactive)
 *   remote — the other side holds us (their side sendonly/inactive)
 *   both   — each holds the other
 */
export const holdStateSchema = z.enum(['none', 'local', 'remote', 'both']);
export type HoldState = z.infer<typeof holdStateSchema>;

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** The audio stream's direction; a session-level attribute applies when the media has none. */
function audioDirection(sdp: string): Direction {
  const session = parse(sdp);
  const audio = session.media.find((m) => m.type === 'audio' && m.port !== 0);
  if (!audio) return 'inactive';
  const sessionDirection = (session as { direction?: Direction }).direction;
  // c=0.0.0.0 is the old (RFC 2543) way of saying "hold".
  if (audio.connection?.ip === '0.0.0.0' || (!audio.connection && session.connection?.ip === '0.0.0.0')) return 'inactive';
  return audio.direction ?? sessionDirection ?? 'sendrecv';
}

export function holdStateOf(localSdp: string, remoteSdp: string): HoldState {
  const holding = (direction: Direction) => direction === 'sendonly' || direction === 'inactive';
  const local = holding(audioDirection(localSdp));
  const remote = holding(audioDirection(remoteSdp));
  return local && remote ? 'both' : local ? 'local' : remote ? 'remote' : 'none';
}
