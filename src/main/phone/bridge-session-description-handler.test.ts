import { describe, expect, it } from 'vitest';
import type { MediaMethods } from '../../shared/ipc/api.ts';
import type { ResultOf } from '../../shared/ipc/rpc-protocol.ts';
import { silentLogger } from '../../shared/logger.ts';
import type { HoldState } from '../../shared/phone/hold-state.ts';
import type { MediaBridge } from '../media/media-bridge.ts';
import { BridgeSessionDescriptionHandler } from './bridge-session-description-handler.ts';

/** A plain SIP phone's SDP (no ICE). */
const phone = (ip: string) =>
  ['v=0', 'o=- 1 2 IN IP4 192.0.2.7', 's=-', `c=IN IP4 ${ip}`, 't=0 0', 'm=audio 40000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', 'a=sendrecv', ''].join('\r\n');

/** A browser peer that found no network to gather a candidate on. */
const browserOffline = [
  'v=0',
  'o=- 2 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=ice-ufrag:u7T4',
  'a=ice-pwd:v0cPMk3jrFNYzOCumU/GuLPV',
  'a=sendrecv',
  'a=rtpmap:111 opus/48000/2',
  '',
].join('\r\n');

/** The desk's handler with a media engine that answers with `local`; `holds` are the hold states it reports. */
function desk(local: string) {
  const holds: HoldState[] = [];
  const media: Pick<MediaBridge, 'call'> = {
    call: <K extends keyof MediaMethods>(method: K) =>
      Promise.resolve((method === 'media.getDescription' ? { sdp: local } : {}) as ResultOf<MediaMethods, K>),
  };
  return { handler: new BridgeSessionDescriptionHandler('call-1', media, silentLogger, (hold) => holds.push(hold)), holds };
}

describe('the hold state a call reports after each offer/answer', () => {
  it('offline, a practice caller and the desk meet with no candidate at all: that is not a hold', async () => {
    const { handler, holds } = desk(browserOffline);
    await handler.setDescription(browserOffline);
    await handler.getDescription();
    expect(holds).toEqual(['none']);
  });

  it('a phone holding the old way (c=0.0.0.0 in a re-INVITE) is on hold; the same SDP as its first offer is not', async () => {
    const { handler, holds } = desk(phone('198.51.100.1'));
    for (const remote of [phone('0.0.0.0'), phone('192.0.2.7'), phone('0.0.0.0'), phone('192.0.2.7')]) {
      await handler.setDescription(remote);
      await handler.getDescription();
    }
    expect(holds).toEqual(['none', 'none', 'remote', 'none']);
  });
});
