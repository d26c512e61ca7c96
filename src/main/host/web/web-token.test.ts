import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { persistentWebToken } from './web-token.ts';

describe('browser mode token across restarts', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-token-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is the same at the next start, so an open tab can reconnect, and only this user can read it', () => {
    const dir = dataDir();
    const first = persistentWebToken(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(persistentWebToken(dir)).toBe(first);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'web-token')).mode & 0o777).toBe(0o600);
  });

  it('differs between data folders and replaces a damaged file', () => {
    const dir = dataDir();
    expect(persistentWebToken(dir)).not.toBe(persistentWebToken(dataDir()));
    writeFileSync(join(dir, 'web-token'), 'x');
    expect(persistentWebToken(dir)).toMatch(/^[0-9a-f]{64}$/);
  });
});
