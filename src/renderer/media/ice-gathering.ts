/** How long a call's first SDP waits for candidates. */
const ICE_GATHERING_LIMIT_MS = 1000;

/** Resolves once ICE gathering completes, or after the limit (no trickle ICE over SIP: send what was gathered by then). */
export function iceGatheringDone(pc: RTCPeerConnection, limitMs = ICE_GATHERING_LIMIT_MS): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, limitMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
