import { z } from 'zod';

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
  'media.close': {
    params: z.object({ sessionId: z.string() }),
    result: z.object({}),
  },
  'media.sendDtmf': {
    params: z.object({ sessionId: z.string(), tones: z.string().regex(/^[0-9A-D#*,]{1,32}$/) }),
    result: z.object({ sent: z.boolean() }),
  },
};
