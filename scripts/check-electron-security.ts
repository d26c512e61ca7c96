import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * `npm run check:electron`: Electronegativity's static checks over src/ (the Electron shell, the
 * preload, the renderer's HTML and its CSP). Fails on any HIGH or CRITICAL finding and prints the
 * rest. The check that fetches Electron's release list is left out: tests never reach the network.
 */
const root = resolve(import.meta.dirname, '..');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), 'ringside-electronegativity-'));
const report = join(dir, 'findings.csv');
try {
  const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, ['--import', join(import.meta.dirname, 'electronegativity-offline.ts'), cli, '-i', join(root, 'src'), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-v', 'false'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  const findings = parse<Record<string, string>>(readFileSync(report, 'utf8'), { columns: true, trim: true, skip_empty_lines: true });
  const severe = findings.filter((f) => /HIGH|CRITICAL/i.test(f['severity'] ?? ''));
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${severe.length} high or critical`);
  for (const f of findings) console.log(`  ${f['severity']} ${f['issue']} ${f['filename']}:${f['location']} — ${f['description']}`);
  if (severe.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
