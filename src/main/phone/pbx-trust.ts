import { X509Certificate } from 'node:crypto';
import { connect, getCACertificates, setDefaultCACertificates } from 'node:tls';

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

/** What a PEM certificate is, for the settings screen; throws a readable error when it is not one. */
export function describeCertificate(pem: string): { subject: string; validTo: string; sha256: string } {
  try {
    const certificate = new X509Certificate(pem);
    return { subject: certificate.subject.replaceAll('\n', ', '), validTo: new Date(certificate.validTo).toISOString(), sha256: certificate.fingerprint256 };
  } catch (error) {
    throw new Error(`The PBX certificate cannot be read (${error instanceof Error ? error.message : String(error)}): paste the whole PEM text, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.`, { cause: error });
  }
}

/**
 * Why a wss:// server cannot be reached securely, in words a person can act on, or null when TLS
 * itself succeeds (the problem lies elsewhere). Asked only after a connection failed.
 */
export function tlsProblem(serverUrl: string, timeoutMs = 5000): Promise<string | null> {
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
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.once('secureConnect', () => done(null));
    socket.once('timeout', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(certificateProblem(error)));
  });
}

function certificateProblem(error: NodeJS.ErrnoException): string | null {
  switch (error.code) {
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return `the server's certificate is not from a trusted authority (${error.code}). If the office runs its own CA, paste it under Settings → PBX certificate.`;
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return `the server's certificate is not valid now (${error.code}).`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the server's certificate is for another name than the server's address (${error.code}).`;
    default:
      return null;
  }
}
