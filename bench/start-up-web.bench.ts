import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ms, percentiles } from './percentiles.ts';

const RUNS = 5;
const repo = resolve(import.meta.dirname, '..');

/**
 * `npm run web` from start to the printed URL, in a copy of the checkout (its own out/ and data):
 * with the interface unchanged (no build), after a change (one build), the old way (a build on
 * every start), and the anchor — the core alone, web-main.ts with the interface already built.
 */
export async function run(log: (line: string) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ringside-bench-web-'));
  try {
    for (const input of ['src', 'scripts', 'resources', 'vite.renderer.config.ts', 'package.json', 'package-lock.json']) cpSync(join(repo, input), join(root, input), { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    const node = process.execPath;
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const webMain = join(root, 'src', 'main', 'host', 'web', 'web-main.ts');
    const dataDir = join(root, 'data');
    // The first start makes the data folder and the database, and builds: not measured.
    await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]);
    const samples = { changed: [] as number[], unchanged: [] as number[], npm: [] as number[], old: [] as number[], core: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      appendFileSync(join(root, 'src', 'shared', 'clock.ts'), `\n// change ${i} by the start-up bench\n`);
      samples.changed.push(await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]));
      samples.unchanged.push(await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]));
      samples.npm.push(await toUrl(root, 'npm', ['run', '--silent', 'web', '--', '--data-dir', dataDir]));
      samples.core.push(await toUrl(root, node, [webMain, '--data-dir', dataDir]));
      const started = performance.now();
      await finished(root, node, [vite, 'build', '--config', join(root, 'vite.renderer.config.ts'), '--logLevel', 'error']);
      samples.old.push(performance.now() - started + (await toUrl(root, node, [webMain, '--data-dir', dataDir])));
    }
    const [changed, unchanged, npm, old, core] = [samples.changed, samples.unchanged, samples.npm, samples.old, samples.core].map((s) => percentiles(s).p50) as [number, number, number, number, number];
    log(`Browser mode start to the printed URL — p50 of ${RUNS} runs each, interleaved, in a copy of the checkout`);
    log(`  the core alone (interface already built), the anchor: ${ms(core)}`);
    log(`  node scripts/web.ts, interface unchanged: ${ms(unchanged)} (${(unchanged / core).toFixed(2)}× the core alone)${unchanged < 1000 ? '' : '  ABOVE the 1 s aim'}; through npm run web: ${ms(npm)}`);
    log(`  after a change (one build): ${ms(changed)}; the old npm run web (a build on every start): ${ms(old)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Milliseconds from starting `command` until it prints Ringside's URL; then it is stopped. */
async function toUrl(cwd: string, command: string, args: string[]): Promise<number> {
  const started = performance.now();
  // Its own process group, so npm's shell and the node under it stop together.
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<number>((done, fail) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ringside browser mode: http')) done(performance.now() - started);
      });
      child.on('exit', (code) => fail(new Error(`${command} ${args.join(' ')} exited (${code}) before printing its URL:\n${output}`)));
    });
  } finally {
    const stopped = new Promise((done) => child.once('exit', done));
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await stopped;
  }
}

async function finished(cwd: string, command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: 'inherit' });
  const code = await new Promise((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(code)})`);
}
