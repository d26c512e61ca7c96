import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'sip-instance-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * This desk's SIP Outbound instance id (RFC 5626 §4.1: a UUID that stays the same across restarts
 * of the app and of the PBX), kept in the data folder; made once, and made again if unreadable.
 */
export function sipInstanceId(dataDir: string, newUuid: () => string = randomUUID): string {
  const file = join(dataDir, FILE);
  let stored = '';
  try {
    stored = readFileSync(file, 'utf8').trim();
  } catch {
    // Not made yet: made below.
  }
  if (UUID.test(stored)) return stored;
  const made = newUuid();
  writeFileSync(file, `${made}\n`);
  return made;
}
