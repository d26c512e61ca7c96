import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import './electronegativity-offline.ts';

/**
 * `npm run check:electron`: Electronegativity's static checks over src/ (the Electron shell, the
 * preload, the renderer's HTML and its CSP). Fails on any HIGH or CRITICAL finding and prints the
 * rest. The check that fetches Electron's release list is left out: tests never reach the network.
 *
 * Electronegativity runs through its programmatic entry, which returns the findings. Its CSV
 * report is not used: it writes the header and the rows with two concurrent appends, and on a busy
 * machine the header lands over the first row (a CI run read a CSP half-way through as a column).
 */
interface Finding {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  description: string;
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: Finding[]; errors: unknown[] }>;

const root = resolve(import.meta.dirname, '..');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Runner;
const { issues, errors } = await run(
  {
    input: join(root, 'src'),
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);
const severe = issues.filter((f) => /HIGH|CRITICAL/i.test(f.severity.name));
console.log(`Electronegativity (Electron ${electronVersion}): ${issues.length} finding(s), ${severe.length} high or critical, ${errors.length} file(s) it could not parse`);
for (const f of issues) console.log(`  ${f.severity.name} ${f.id} ${f.file}:${f.location.line}:${f.location.column} — ${f.description}`);
if (severe.length > 0 || errors.length > 0) process.exitCode = 1;
