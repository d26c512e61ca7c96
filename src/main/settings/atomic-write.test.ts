import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.ts';

describe('atomic write', () => {
  it('replaces the file whole, leaves no temporary file and is readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-atomic-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new ✓');
    writeFileAtomic(join(dir, 'secrets.bin'), new Uint8Array([0, 255, 1]));
    expect(readFileSync(file, 'utf8')).toBe('new ✓');
    expect([...readFileSync(join(dir, 'secrets.bin'))]).toEqual([0, 255, 1]);
    expect(readdirSync(dir).sort()).toEqual(['secrets.bin', 'settings.json']);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'secrets.bin')).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content when the new one cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-atomic-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, 'old');
    // The temporary file's name is taken by a folder, so writing it fails before the rename.
    mkdirSync(`${file}.tmp-${process.pid}`);
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
