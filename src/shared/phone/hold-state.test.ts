import { describe, expect, it } from 'vitest';
import { holdStateOf } from './hold-state.ts';

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

describe('hold state from the negotiated SDP', () => {
  it('reads who holds from each side’s audio direction', () => {
    expect(holdStateOf(sdp('sendrecv'), sdp('sendrecv'))).toBe('none');
    expect(holdStateOf(sdp('sendonly'), sdp('recvonly'))).toBe('local');
    expect(holdStateOf(sdp('recvonly'), sdp('sendonly'))).toBe('remote');
    expect(holdStateOf(sdp('inactive'), sdp('inactive'))).toBe('both');
  });

  it('takes a session-level direction, no direction as sendrecv, c=0.0.0.0 as hold (RFC 2543), and a refused stream as none sent', () => {
    expect(holdStateOf(sdp(''), sdp('', { session: 'sendonly' }))).toBe('remote');
    expect(holdStateOf(sdp(''), sdp(''))).toBe('none');
    expect(holdStateOf(sdp('sendrecv'), sdp('sendrecv', { ip: '0.0.0.0' }))).toBe('remote');
    expect(holdStateOf(sdp('sendrecv', { port: 0 }), sdp('sendrecv'))).toBe('local');
  });
});
