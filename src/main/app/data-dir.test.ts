import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, prepareDataDir } from './data-dir.ts';

describe('data folder', () => {
  it('is the platform user-data folder by default', () => {
    expect(defaultDataDir({}, 'linux', '/home/anna')).toBe('/home/anna/.config/Ringside');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/anna')).toBe('/cfg/Ringside');
    expect(defaultDataDir({}, 'darwin', '/Users/anna')).toBe('/Users/anna/Library/Application Support/Ringside');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'win32', 'C:\\Users\\anna')).toContain('Ringside');
  });

  it('is created when missing and refused with a clear error when it cannot be written', () => {
    const base = mkdtempSync(join(tmpdir(), 'ringside-dir-'));
    expect(prepareDataDir(join(base, 'a', 'b'))).toBe(join(base, 'a', 'b'));
    const locked = join(base, 'locked');
    prepareDataDir(locked);
    chmodSync(locked, 0o500);
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) expect(() => prepareDataDir(locked)).toThrow(/cannot be used/);
    const file = join(base, 'a-file');
    writeFileSync(file, '');
    expect(() => prepareDataDir(join(file, 'data'))).toThrow(/The data folder .*a-file\/data cannot be used/);
  });
});
