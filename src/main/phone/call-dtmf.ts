import type { Session } from 'sip.js';

/** What sending keypad tones needs of a call, given by the call manager. */
export interface DtmfDelegate {
  /** Sends the tones in the call's media (RFC 4733); false when its media cannot. */
  sendInMedia(callId: string, tones: string): Promise<boolean>;
}

/** DTMF from the keypad: in the media (RFC 4733), else by SIP INFO (one request per tone; pauses dropped). */
export async function sendDtmf(delegate: DtmfDelegate, callId: string, session: Pick<Session, 'info'>, tones: string): Promise<'media' | 'info'> {
  if (await delegate.sendInMedia(callId, tones).catch(() => false)) return 'media';
  for (const tone of tones.replace(/,/g, '')) {
    await session.info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160\r\n` } },
    });
  }
  return 'info';
}
