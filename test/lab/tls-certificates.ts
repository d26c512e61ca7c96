import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabCertificates {
  /** The lab's own certificate authority: what a client must trust (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  certificateFile: string;
  keyFile: string;
}

/** A private CA and a server certificate for 127.0.0.1, as an office PBX with its own CA has. */
export function makeLabCertificates(dir: string): LabCertificates {
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => {
    const result = spawnSync('openssl', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Ringside lab CA', '-keyout', path('ca.key'), '-out', path('ca.crt'), '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', path('server.key'), '-out', path('server.csr'));
  writeFileSync(path('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl('x509', '-req', '-in', path('server.csr'), '-CA', path('ca.crt'), '-CAkey', path('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', path('server.ext'), '-out', path('server.crt'));
  return { caFile: path('ca.crt'), certificateFile: path('server.crt'), keyFile: path('server.key') };
}
