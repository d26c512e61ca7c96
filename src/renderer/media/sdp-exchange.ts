/** How long a call's first SDP waits for candidates. */
const ICE_GATHERING_LIMIT_MS = 1000;

/**
 * SIP.js never says whether an SDP is an offer or an answer: the peer connection's signaling state
 * does. This answers a remote offer, or makes an offer, and returns it once candidates are in
 * (no trickle ICE over SIP).
 */
export async function localDescription(pc: RTCPeerConnection): Promise<string> {
  await pc.setLocalDescription(pc.signalingState === 'have-remote-offer' ? await pc.createAnswer() : await pc.createOffer());
  await iceGatheringDone(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('No local description was produced');
  return sdp;
}

/** Applies the far end's SDP: an answer to our offer, or its offer. */
export async function applyRemoteDescription(pc: RTCPeerConnection, sdp: string): Promise<void> {
  await pc.setRemoteDescription({ type: pc.signalingState === 'have-local-offer' ? 'answer' : 'offer', sdp });
}

function iceGatheringDone(pc: RTCPeerConnection): Promise<void> {
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
    const timer = setTimeout(done, ICE_GATHERING_LIMIT_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
