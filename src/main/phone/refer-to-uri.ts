import { URI } from 'sip.js';

/**
 * A Refer-To that carries headers (Replaces, for a warm transfer) must be a name-addr,
 * `<sip:102@pbx?Replaces=…>`; sip.js writes a URI target bare, which the far end cannot parse.
 */
class NameAddrUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/** The colleague's address with the consult dialog to replace (RFC 3891), for REFER. */
export function replacingUri(target: URI, dialog: { callId: string; remoteTag: string; localTag: string }): URI {
  // to-tag is the colleague's (the far end of the consult call), from-tag this desk's.
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  return new NameAddrUri(target.scheme, target.user ?? '', target.host, target.port, { ...target.parameters }, { Replaces: [replaces] });
}
