/**
 * Text from the network written to a log or a terminal: control characters (C0, DEL, C1) and the
 * invisible or reordering ones (bidi overrides, zero-width) are shown as visible escapes, so a
 * hostile SIP message can neither send terminal codes to whoever tails the log nor hide what it
 * says. Line breaks and tabs become spaces: one entry stays one readable line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function escapeControlCharacters(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
