import { z } from 'zod';

/** Media sessions of a practice call's simulated caller (the far end, played from clips). */
export const PRACTICE_CALLER_SESSION_PREFIX = 'practice-caller:';

/**
 * What the main process asks of the renderer's media engine (one RTCPeerConnection per call).
 * SIP.js never says whether an SDP is an offer or an answer: the engine decides from
 * its peer connection's signaling state.
 */
export const mediaMethods = {
  'media.getDescription': {
    params: z.object({ sessionId: z.string(), hold: z.boolean() }),
    result: z.object({ sdp: z.string() }),
  },
  'media.setDescription': {
    params: z.object({ sessionId: z.string(), sdp: z.string().max(100_000), hold: z.boolean() }),
    result: z.object({}),
  },
  /**
   * A call rings: the engine makes its peer connection (pre-gathering ICE candidates) and opens the
   * microphone now, so that answering only has to set the descriptions. Nothing is sent until then.
   */
  'media.prepare': {
    params: z.object({ sessionId: z.string().max(200) }),
    result: z.object({}),
  },
  'media.close': {
    params: z.object({ sessionId: z.string() }),
    result: z.object({}),
  },
  /**
   * The simulated caller of a practice call says one line: the engine plays the clip into that
   * session's outgoing audio and answers with the clip's length once it has started.
   */
  'media.practiceSay': {
    params: z.object({ sessionId: z.string().startsWith(PRACTICE_CALLER_SESSION_PREFIX), path: z.string().regex(/^practice\/[a-z0-9-]+\.(en|ru|el)\/[a-z0-9-]+\.ogg$/) }),
    result: z.object({ durationMs: z.number() }),
  },
  'media.sendDtmf': {
    params: z.object({ sessionId: z.string(), tones: z.string().regex(/^[0-9A-D#*,]{1,32}$/) }),
    result: z.object({ sent: z.boolean() }),
  },
};

/** Why a call's media is dead: the connection failed, stayed lost, or no sound arrived while it should have. */
export const deadMediaReasonSchema = z.enum(['connection-failed', 'connection-lost', 'no-audio']);
export type DeadMediaReason = z.infer<typeof deadMediaReasonSchema>;

/** What the window that carries the calls' media tells the core of its own accord. */
export const mediaEvents = {
  /**
   * A call's media died while its signalling went on (the far end or its network gone, a BYE lost
   * in a PBX restart): the core ends the call so it neither stays on screen nor blocks the next.
   */
  'media.dead': z.object({ sessionId: z.string().max(200), reason: deadMediaReasonSchema }),
};
