import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportContactsCli } from './import-contacts-cli.ts';

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) } };
}

describe('import-contacts command', () => {
  it('imports into the data folder and reports rejected rows with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-cli-'));
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, 'name;phone\nΑλέξης;210 1234567\n;\n');
    const { lines, io } = capture();
    expect(await runImportContactsCli([csv, '--data-dir', dir], io)).toBe(2);
    expect(lines).toEqual(['Imported 1 new contacts, updated 0, rejected 1 rows.', 'line 3: no name and no phone']);
    const again = capture();
    expect(await runImportContactsCli([csv, '--data-dir', dir], again.io)).toBe(2);
    expect(again.lines[0]).toBe('Imported 0 new contacts, updated 1, rejected 1 rows.');
  });

  it('explains its usage and a missing file', async () => {
    const { lines, io } = capture();
    expect(await runImportContactsCli([], io)).toBe(1);
    expect(lines[0]).toMatch(/Usage/);
    const missing = capture();
    expect(await runImportContactsCli(['/nonexistent.csv', '--data-dir', tmpdir()], missing.io)).toBe(1);
    expect(missing.lines[0]).toMatch(/Cannot read \/nonexistent.csv/);
  });
});
