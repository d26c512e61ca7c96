import { X509Certificate } from 'node:crypto';
import { connect, getCACertificates, setDefaultCACertificates } from 'node:tls';
import { registrationReasonInEnglish, type TlsProblem } from '../../shared/phone/registration-problem.ts';

/**
 * Which certificates the main process trusts for the PBX's secure WebSocket. By default the
 * usual authorities and the operating system's store. With a PBX certificate in Settings (the office CA, or the PBX's own
 * self-signed certificate), only that one: a PBX with a private CA works without touching the
 * system, and a certificate from anyone else is refused even if a public CA signed it (pinning).
 * Main opens no other TLS connection, so this is the process's default trust. Certificate errors
 * are never ignored: the host name must match either way.
 */
export interface PbxTrust {
  /** Trust only this PEM certificate ('' = the usual set). Throws a readable error for a bad one. */
  use(pem: string): void;
}

export function createPbxTrust(): PbxTrust {
  // The packaged app ignores NODE_EXTRA_CA_CERTS (a fuse), so an office CA installed in the
  // operating system's store is trusted too, as browsers trust it.
  const usual = [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  let current = '';
  return {
    use(pem) {
      if (pem === current) return;
      if (pem !== '') describeCertificate(pem);
      setDefaultCACertificates(pem === '' ? usual : [pem]);
      current = pem;
    },
  };
}

export class CertificateUnreadableError extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(registrationReasonInEnglish({ code: 'bad-certificate', params: { detail } }));
    this.name = 'CertificateUnreadableError';
    this.detail = detail;
  }
}

/** What a PEM certificate is, for the settings screen; throws a readable error when it is not one. */
export function describeCertificate(pem: string): { subject: string; validTo: string; sha256: string } {
  try {
    const certificate = new X509Certificate(pem);
    return { subject: certificate.subject.replaceAll('\n', ', '), validTo: new Date(certificate.validTo).toISOString(), sha256: certificate.fingerprint256 };
  } catch (error) {
    throw new CertificateUnreadableError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Why a wss:// server cannot be reached securely, or null when TLS itself succeeds (the problem
 * lies elsewhere). Asked only after a connection failed.
 */
export function tlsProblem(serverUrl: string, timeoutMs = 5000): Promise<TlsProblem | null> {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return Promise.resolve(null);
  }
  if (url.protocol !== 'wss:') return Promise.resolve(null);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(url.port || 443), servername: /^[\d.:]+$/.test(host) ? undefined : host, timeout: timeoutMs });
    const done = (problem: TlsProblem | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.once('secureConnect', () => done(null));
    socket.once('timeout', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = certificateProblem(error.code);
      done(code ? { code, params: { server: serverUrl, detail: error.code ?? '' } } : null);
    });
  });
}

function certificateProblem(code: string | undefined): TlsProblem['code'] | null {
  switch (code ?? '') {
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'tls-untrusted';
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return 'tls-expired';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'tls-wrong-name';
    default:
      return null;
  }
}
