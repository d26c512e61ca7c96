import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../settings/atomic-write.ts';

const TOKEN_FILE = 'web-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Browser mode's access token, kept in the data folder (readable by this user only) so that it is
 * the same after a restart: a tab left open reconnects by itself when Ringside comes back, and
 * the calls ringing then have a window to carry their audio. `web.token` in the config overrides it.
 */
export function persistentWebToken(dataDir: string): string {
  const file = join(dataDir, TOKEN_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (TOKEN_PATTERN.test(kept)) return kept;
  }
  const token = randomBytes(32).toString('hex');
  writeFileAtomic(file, token);
  return token;
}
