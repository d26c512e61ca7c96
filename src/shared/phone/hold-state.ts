import { parse } from 'sdp-transform';
import { z } from 'zod';

/**
 * Who holds the call, read from the last completed offer/answer (never from what was asked for):
 *   none   — both send and receive
 *   local  — this desk holds the caller (our side sendonly/inactive)
 *   remote — the other side holds us (their side sendonly/inactive)
 *   both   — each holds the other
 *
 * A side holds when its SDP says so (RFC 3264 §8.4): a=sendonly or a=inactive, or no audio stream
 * left to send on. The old way, c=0.0.0.0 (RFC 2543), is read as hold only from a side that gave a
 * real media address earlier in the call and does not use ICE: before that, 0.0.0.0 means "no media
 * address yet" (RFC 3725), and with ICE it only means "no candidate" (RFC 8839) — what a browser
 * offers when it finds no network, as on an offline laptop. An SDP without a usable address is
 * never a hold by itself.
 */
export const holdStateSchema = z.enum(['none', 'local', 'remote', 'both']);
export type HoldState = z.infer<typeof holdStateSchema>;

/** Whether each side has given a real media address in an exchange of this call so far. */
export interface MediaSoFar {
  local: boolean;
  remote: boolean;
}

export const NO_MEDIA_YET: MediaSoFar = { local: false, remote: false };

type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

interface AudioOffer {
  direction: Direction;
  /** c= of the audio stream (the session's when the stream has none). */
  address: string | null;
  ice: boolean;
}

/** The audio stream a side offers, or null when it offers none (refused, port 0). */
function audioOf(sdp: string): AudioOffer | null {
  const session = parse(sdp);
  const audio = session.media.find((m) => m.type === 'audio' && m.port !== 0);
  if (!audio) return null;
  const sessionLevel = session as { direction?: Direction; iceUfrag?: string };
  return {
    direction: audio.direction ?? sessionLevel.direction ?? 'sendrecv',
    address: audio.connection?.ip ?? session.connection?.ip ?? null,
    ice: (audio.iceUfrag ?? sessionLevel.iceUfrag) !== undefined,
  };
}

const hasAddress = (audio: AudioOffer | null): boolean => audio !== null && audio.address !== null && audio.address !== '0.0.0.0' && audio.address !== '::';

function holds(audio: AudioOffer | null, hadMedia: boolean): boolean {
  if (!audio) return true;
  if (audio.direction === 'sendonly' || audio.direction === 'inactive') return true;
  return audio.address === '0.0.0.0' && !audio.ice && hadMedia;
}

/** The hold state after an exchange; `earlier` is what the call's earlier exchanges established. */
export function holdStateOf(localSdp: string, remoteSdp: string, earlier: MediaSoFar = NO_MEDIA_YET): HoldState {
  const local = holds(audioOf(localSdp), earlier.local);
  const remote = holds(audioOf(remoteSdp), earlier.remote);
  return local && remote ? 'both' : local ? 'local' : remote ? 'remote' : 'none';
}

/** What the call has established once this exchange is done (a side that had media keeps it). */
export function mediaAfter(localSdp: string, remoteSdp: string, earlier: MediaSoFar): MediaSoFar {
  return { local: earlier.local || hasAddress(audioOf(localSdp)), remote: earlier.remote || hasAddress(audioOf(remoteSdp)) };
}
