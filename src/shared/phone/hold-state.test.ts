import { describe, expect, it } from 'vitest';
import { holdStateOf, mediaAfter, NO_MEDIA_YET } from './hold-state.ts';

const sdp = (audio: string, options: { ip?: string; port?: number; session?: string } = {}) =>
  [
    'v=0',
    'o=- 1 2 IN IP4 127.0.0.1',
    's=-',
    `c=IN IP4 ${options.ip ?? '127.0.0.1'}`,
    't=0 0',
    ...(options.session ? [`a=${options.session}`] : []),
    `m=audio ${options.port ?? 40000} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    ...(audio ? [`a=${audio}`] : []),
    '',
  ].join('\r\n');

/** What Chromium offers when it finds no network to gather a candidate on (only loopback, left out of ICE). */
const webrtcWithoutCandidates = (direction = 'sendrecv') =>
  [
    'v=0',
    'o=- 591025178107076260 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 0',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=ice-ufrag:u7T4',
    'a=ice-pwd:v0cPMk3jrFNYzOCumU/GuLPV',
    'a=ice-options:trickle',
    'a=fingerprint:sha-256 FD:73:56:0C:DD:9D:98:41:2C:CD:79:23:2E:43:25:4B:C4:0A:72:CF:7F:6F:5A:12:62:68:A7:11:9E:7D:25:63',
    'a=setup:actpass',
    'a=mid:0',
    `a=${direction}`,
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:0 PCMU/8000',
    '',
  ].join('\r\n');

const BOTH_HAD_MEDIA = { local: true, remote: true };

describe('hold state from the negotiated SDP', () => {
  it('reads who holds from each side’s audio direction', () => {
    expect(holdStateOf(sdp('sendrecv'), sdp('sendrecv'))).toBe('none');
    expect(holdStateOf(sdp('sendonly'), sdp('recvonly'))).toBe('local');
    expect(holdStateOf(sdp('recvonly'), sdp('sendonly'))).toBe('remote');
    expect(holdStateOf(sdp('inactive'), sdp('inactive'))).toBe('both');
  });

  it('takes a session-level direction, no direction as sendrecv, and a refused stream as none sent', () => {
    expect(holdStateOf(sdp(''), sdp('', { session: 'sendonly' }))).toBe('remote');
    expect(holdStateOf(sdp(''), sdp(''))).toBe('none');
    expect(holdStateOf(sdp('sendrecv', { port: 0 }), sdp('sendrecv'))).toBe('local');
  });

  it('is not a hold when a browser found no candidate: c=0.0.0.0 is "no address yet" to ICE, on the first exchange or later', () => {
    expect(holdStateOf(webrtcWithoutCandidates(), webrtcWithoutCandidates())).toBe('none');
    expect(holdStateOf(webrtcWithoutCandidates(), webrtcWithoutCandidates(), BOTH_HAD_MEDIA)).toBe('none');
    // Asked for in so many words, it is a hold, candidates or not.
    expect(holdStateOf(webrtcWithoutCandidates('recvonly'), webrtcWithoutCandidates('sendonly'))).toBe('remote');
    expect(holdStateOf(webrtcWithoutCandidates('inactive'), webrtcWithoutCandidates('inactive'))).toBe('both');
  });

  it('reads the old c=0.0.0.0 hold (RFC 2543) only from a side that had given a real address earlier in the call', () => {
    // A first offer without an address has no media yet (RFC 3725): nobody asked for a hold.
    expect(holdStateOf(sdp('sendrecv'), sdp('sendrecv', { ip: '0.0.0.0' }))).toBe('none');
    expect(holdStateOf(sdp('sendrecv', { ip: '0.0.0.0' }), sdp('sendrecv', { ip: '0.0.0.0' }))).toBe('none');
    expect(holdStateOf(sdp('sendrecv'), sdp('sendrecv', { ip: '0.0.0.0' }), BOTH_HAD_MEDIA)).toBe('remote');
    expect(holdStateOf(sdp('sendrecv', { ip: '0.0.0.0' }), sdp('sendrecv'), { local: true, remote: false })).toBe('local');
    expect(holdStateOf(sdp('sendrecv', { ip: '0.0.0.0' }), sdp('sendrecv'), { local: false, remote: true })).toBe('none');
  });

  it('follows a call through its exchanges: media set up, held the old way, held still on a later exchange, resumed', () => {
    const exchanges = [
      { local: sdp('sendrecv'), remote: sdp('sendrecv', { ip: '0.0.0.0' }), hold: 'none' },
      { local: sdp('sendrecv'), remote: sdp('sendrecv', { ip: '192.0.2.7' }), hold: 'none' },
      { local: sdp('sendrecv'), remote: sdp('sendrecv', { ip: '0.0.0.0' }), hold: 'remote' },
      { local: sdp('sendonly'), remote: sdp('sendrecv', { ip: '0.0.0.0' }), hold: 'both' },
      { local: sdp('sendrecv'), remote: sdp('sendrecv', { ip: '192.0.2.7' }), hold: 'none' },
    ] as const;
    let earlier = NO_MEDIA_YET;
    const read = exchanges.map(({ local, remote }) => {
      const hold = holdStateOf(local, remote, earlier);
      earlier = mediaAfter(local, remote, earlier);
      return hold;
    });
    expect(read).toEqual(exchanges.map((e) => e.hold));
  });

  it('counts only a real address as media: 0.0.0.0, :: and a refused stream do not', () => {
    expect(mediaAfter(webrtcWithoutCandidates(), sdp('sendrecv', { ip: '0.0.0.0' }), NO_MEDIA_YET)).toEqual(NO_MEDIA_YET);
    expect(mediaAfter(sdp('sendrecv', { port: 0 }), sdp('sendrecv').replace('IN IP4 127.0.0.1\r\nt', 'IN IP6 ::\r\nt'), NO_MEDIA_YET)).toEqual(NO_MEDIA_YET);
    expect(mediaAfter(sdp('sendrecv'), webrtcWithoutCandidates(), NO_MEDIA_YET)).toEqual({ local: true, remote: false });
    expect(mediaAfter(webrtcWithoutCandidates(), webrtcWithoutCandidates(), BOTH_HAD_MEDIA)).toEqual(BOTH_HAD_MEDIA);
  });
});
