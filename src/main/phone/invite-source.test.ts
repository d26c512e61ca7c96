import { describe, expect, it } from 'vitest';
import { inviteSource } from './invite-source.ts';

describe('inviteSource', () => {
  it('is the bottom Via (the caller’s, below the PBX’s), as the PBX saw it', () => {
    expect(inviteSource(['SIP/2.0/WS 127.0.0.1:8080;branch=z9hG4bK-k', 'SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-c'])).toBe('10.0.0.5:5062');
    expect(inviteSource(['SIP/2.0/WS kamailio:8080;branch=a, SIP/2.0/UDP 10.0.0.5:5062;received=198.51.100.4;rport=31000;branch=b'])).toBe('198.51.100.4:31000');
    expect(inviteSource(['SIP/2.0/TCP [2001:db8::1]:5060;rport;branch=z'])).toBe('[2001:db8::1]:5060');
    expect(inviteSource(['SIP/2.0/UDP Caller.Example.COM;branch=z'])).toBe('caller.example.com:');
  });

  it('keeps only a host and digits from what a sender wrote, else says "unknown"', () => {
    expect(inviteSource([])).toBe('unknown');
    expect(inviteSource(['garbage'])).toBe('unknown');
    expect(inviteSource(['SIP/2.0/UDP evil\u0000\u001b[31mhost:5060;branch=z'])).toBe('unknown');
    expect(inviteSource(['SIP/2.0/UDP 10.0.0.5:5060;received=\u001b[2J;rport=x;branch=z'])).toBe('10.0.0.5:5060');
  });
});
