/**
 * Checks sip.js leaves out, on a request the desk is about to handle (RFC 3261 and the torture
 * cases of RFC 4475): the desk refuses these itself rather than act on a request that lies about
 * itself. Read from the raw text, as the header section came.
 */
export interface RequestRefusal {
  statusCode: number;
  reasonPhrase: string;
  extraHeaders: string[];
  /** For the log. */
  why: string;
}

/** Option tags this desk supports in a Require header (warm transfers replace the consult call). */
const SUPPORTED_EXTENSIONS = new Set(['replaces']);
/** What an INVITE's body may be: an SDP offer, alone or in a multipart body. */
const INVITE_BODY_TYPES = new Set(['application/sdp', 'multipart/mixed']);
const MAX_CSEQ = 2 ** 31 - 1;

export function sipRequestRefusal(text: string): RequestRefusal | null {
  const end = text.indexOf('\r\n\r\n');
  const [requestLine = '', ...lines] = unfold(end === -1 ? text : text.slice(0, end)).split('\r\n');
  const method = requestLine.split(' ', 1)[0] ?? '';
  if (!requestLine.endsWith(' SIP/2.0')) return refuse(505, 'Version Not Supported', 'not SIP/2.0');
  const uri = requestLine.slice(method.length + 1, -' SIP/2.0'.length);
  if (/^sips?:[^?]*\?/i.test(uri)) return refuse(400, 'Bad Request', 'headers in the Request-URI');
  const values = (...names: string[]) =>
    lines.flatMap((line) => {
      const colon = line.indexOf(':');
      return colon > 0 && names.includes(line.slice(0, colon).trim().toLowerCase()) ? [line.slice(colon + 1).trim()] : [];
    });
  if (values('content-length', 'l').length > 1) return refuse(400, 'Bad Request', 'more than one Content-Length');
  const [cseq = ''] = values('cseq');
  const [cseqNumber = '', cseqMethod = ''] = cseq.split(/\s+/);
  if (cseqMethod !== method) return refuse(400, 'Bad Request', 'the CSeq method differs from the request method');
  if (!/^\d{1,10}$/.test(cseqNumber) || Number(cseqNumber) > MAX_CSEQ) return refuse(400, 'Bad Request', 'the CSeq number is out of range');
  const maxForwards = values('max-forwards')[0];
  if (maxForwards !== undefined && (!/^\d{1,3}$/.test(maxForwards) || Number(maxForwards) > 255)) return refuse(400, 'Bad Request', 'Max-Forwards is out of range');
  const unsupported = values('require')
    .flatMap((value) => value.split(','))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !SUPPORTED_EXTENSIONS.has(tag.toLowerCase()));
  if (unsupported.length > 0 && method !== 'ACK' && method !== 'CANCEL') {
    return { statusCode: 420, reasonPhrase: 'Bad Extension', extraHeaders: [`Unsupported: ${unsupported.join(', ')}`], why: 'an extension it does not support is required' };
  }
  const contentType = values('content-type', 'c')[0]?.split(';')[0]?.trim().toLowerCase();
  const hasBody = end !== -1 && end + 4 < text.length;
  if (method === 'INVITE' && hasBody && contentType && !INVITE_BODY_TYPES.has(contentType)) {
    return { statusCode: 415, reasonPhrase: 'Unsupported Media Type', extraHeaders: ['Accept: application/sdp'], why: `a ${contentType} body` };
  }
  return null;
}

/** Header continuation lines (leading space or tab) joined to the line they continue. */
function unfold(headerSection: string): string {
  return headerSection.replace(/\r\n[ \t]+/g, ' ');
}

function refuse(statusCode: number, reasonPhrase: string, why: string): RequestRefusal {
  return { statusCode, reasonPhrase, extraHeaders: [], why };
}
