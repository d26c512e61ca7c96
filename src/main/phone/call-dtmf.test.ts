import { describe, expect, it } from 'vitest';
import type { Session } from 'sip.js';
import { sendDtmf } from './call-dtmf.ts';

function fakeSession() {
  const infos: string[] = [];
  const session = {
    info: (options: { requestOptions: { body: { content: string } } }) => {
      infos.push(options.requestOptions.body.content);
      return Promise.resolve();
    },
  } as unknown as Pick<Session, 'info'>;
  return { session, infos };
}

describe('sendDtmf', () => {
  it('sends in the media when it can, and no SIP INFO then', async () => {
    const { session, infos } = fakeSession();
    const sent: string[] = [];
    const via = await sendDtmf({ sendInMedia: (callId, tones) => Promise.resolve(sent.push(`${callId}:${tones}`) > 0) }, 'a', session, '12#');
    expect(via).toBe('media');
    expect(sent).toEqual(['a:12#']);
    expect(infos).toEqual([]);
  });

  it('falls back to one SIP INFO per tone (pauses dropped) when the media cannot or fails', async () => {
    for (const sendInMedia of [() => Promise.resolve(false), () => Promise.reject(new Error('no window'))]) {
      const { session, infos } = fakeSession();
      expect(await sendDtmf({ sendInMedia }, 'a', session, '1,*')).toBe('info');
      expect(infos).toEqual(['Signal=1\r\nDuration=160\r\n', 'Signal=*\r\nDuration=160\r\n']);
    }
  });
});
