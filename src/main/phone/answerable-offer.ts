/**
 * Whether an INVITE's body is an offer the desk could answer: no body at all (the desk then makes
 * the offer in its 200 OK, RFC 3264) or an SDP, alone or inside a multipart body, of version 0 with
 * an audio stream that is not switched off (port 0). A fuzzer's mangled SDP fails this and is
 * refused before it rings, instead of ringing as a call nobody could answer.
 */
export function isAnswerableOffer(body: string | undefined): boolean {
  if (body === undefined || body.trim() === '') return true;
  return /^v=0[ \t]*\r?$/m.test(body) && /^m=audio [1-9]\d{0,4}(?:\/\d+)? [A-Za-z0-9/]+ [^\r\n]*\S/m.test(body);
}
