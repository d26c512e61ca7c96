import { describe, expect, it } from 'vitest';
import { isAnswerableOffer } from './answerable-offer.ts';

const sdp = (audio: string) => `v=0\r\no=- 1 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n${audio}\r\na=rtpmap:0 PCMU/8000\r\n`;

describe('isAnswerableOffer', () => {
  it('takes a plain or WebRTC audio offer, one in a multipart body, and no offer at all', () => {
    expect(isAnswerableOffer(sdp('m=audio 40000 RTP/AVP 0 8 101'))).toBe(true);
    expect(isAnswerableOffer(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111 0'))).toBe(true);
    expect(isAnswerableOffer(`--b\r\nContent-Type: application/sdp\r\n\r\n${sdp('m=audio 40000 RTP/AVP 0')}--b--\r\n`)).toBe(true);
    expect(isAnswerableOffer(undefined)).toBe(true);
    expect(isAnswerableOffer('')).toBe(true);
  });

  it('refuses what a fuzzer sends: no version, no audio, audio switched off, mangled lines, garbage', () => {
    expect(isAnswerableOffer(sdp('m=audio 40000 RTP/AVP 0').replace('v=0', 'v=7'))).toBe(false);
    expect(isAnswerableOffer(sdp('m=video 40000 RTP/AVP 96'))).toBe(false);
    expect(isAnswerableOffer(sdp('m=audio 0 RTP/AVP 0'))).toBe(false);
    expect(isAnswerableOffer(sdp('m=audio 4x000 RTP/AVP 0'))).toBe(false);
    expect(isAnswerableOffer(sdp('m=audio 40000 RTP/AVP'))).toBe(false);
    expect(isAnswerableOffer('\u0000\u001b[2J\xff\xfe garbage')).toBe(false);
  });
});
