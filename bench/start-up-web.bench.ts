import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ms, percentiles } from './percentiles.ts';

const RUNS = 5;
const repo = resolve(import.meta.dirname, '..');

/**
 * `npm run web` from start to the printed URL, in a copy of the checkout (its own out/ and data):
 * with the interface and the core unchanged (no build), after a change (the two builds), the old
 * way (a build on every start), and the anchor — the core alone from TypeScript, web-main.ts with
 * the interface already built, as `npm run web` ran it before item 10 and as the e2e tests do.
 * Then the memory of the process that serves (PSS, 2 s after its URL): the core from TypeScript
 * against what `node scripts/web.ts` runs now (the built JavaScript, same pid after exec).
 */
export async function run(log: (line: string) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ringside-bench-web-'));
  try {
    for (const input of ['src', 'scripts', 'resources', 'vite.renderer.config.ts', 'vite.web-main.config.ts', 'package.json', 'package-lock.json']) cpSync(join(repo, input), join(root, input), { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
    const node = process.execPath;
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const webMain = join(root, 'src', 'main', 'host', 'web', 'web-main.ts');
    const builtWebMain = join(root, 'out', 'web-main', 'web-main.js');
    const dataDir = join(root, 'data');
    // The first start makes the data folder and the database, and builds: not measured.
    await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]);
    const samples = { changed: [] as number[], unchanged: [] as number[], npm: [] as number[], old: [] as number[], core: [] as number[], built: [] as number[] };
    const pss = { core: [] as number[], launched: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      appendFileSync(join(root, 'src', 'shared', 'clock.ts'), `\n// change ${i} by the start-up bench\n`);
      samples.changed.push(await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]));
      samples.unchanged.push(await toUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]));
      samples.npm.push(await toUrl(root, 'npm', ['run', '--silent', 'web', '--', '--data-dir', dataDir]));
      samples.core.push(await toUrl(root, node, [webMain, '--data-dir', dataDir]));
      samples.built.push(await toUrl(root, node, [builtWebMain, '--data-dir', dataDir]));
      pss.core.push(await pssAfterUrl(root, node, [webMain, '--data-dir', dataDir]));
      pss.launched.push(await pssAfterUrl(root, node, [join(root, 'scripts', 'web.ts'), '--data-dir', dataDir]));
      const started = performance.now();
      await finished(root, node, [vite, 'build', '--config', join(root, 'vite.renderer.config.ts'), '--logLevel', 'error']);
      samples.old.push(performance.now() - started + (await toUrl(root, node, [webMain, '--data-dir', dataDir])));
    }
    const [changed, unchanged, npm, old, core, built] = [samples.changed, samples.unchanged, samples.npm, samples.old, samples.core, samples.built].map((s) => percentiles(s).p50) as [number, number, number, number, number, number];
    log(`Browser mode start to the printed URL — p50 of ${RUNS} runs each, interleaved, in a copy of the checkout`);
    log(`  the core alone from TypeScript (interface already built), the anchor: ${ms(core)}; the built core alone: ${ms(built)} (${(built / core).toFixed(2)}×)`);
    log(`  node scripts/web.ts, nothing changed: ${ms(unchanged)} (${(unchanged / core).toFixed(2)}× the core alone)${unchanged < 1000 ? '' : '  ABOVE the 1 s aim'}; through npm run web: ${ms(npm)}`);
    log(`  after a change (both built): ${ms(changed)}; the old npm run web (a build on every start): ${ms(old)}`);
    const [corePss, launchedPss] = [pss.core, pss.launched].map((s) => percentiles(s).p50) as [number, number];
    log(`Main process PSS 2 s after the URL — p50 of ${RUNS}`);
    log(`  the core from TypeScript (npm run web before item 10), the anchor: ${mb(corePss)}`);
    log(`  node scripts/web.ts now (built JavaScript): ${mb(launchedPss)} (${(launchedPss / corePss).toFixed(2)}×, ${mb(corePss - launchedPss)} less)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`;
}

/** Milliseconds from starting `command` until it prints Ringside's URL; then it is stopped. */
function toUrl(cwd: string, command: string, args: string[]): Promise<number> {
  return untilUrl(cwd, command, args, () => Promise.resolve());
}

/** The PSS (kB) of the process started as `command` (the same pid after an exec), 2 s after it printed its URL. */
async function pssAfterUrl(cwd: string, command: string, args: string[]): Promise<number> {
  let kb = Number.NaN;
  await untilUrl(cwd, command, args, async (pid) => {
    await new Promise((done) => setTimeout(done, 2000));
    kb = Number(/^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1]);
  });
  if (Number.isNaN(kb)) throw new Error(`No PSS read for ${command} ${args.join(' ')}`);
  return kb;
}

/** Milliseconds from starting `command` until it prints Ringside's URL; then `atUrl` runs and it is stopped. */
async function untilUrl(cwd: string, command: string, args: string[], atUrl: (pid: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  // Its own process group, so npm's shell and the node under it stop together.
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const elapsed = await new Promise<number>((done, fail) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ringside browser mode: http')) done(performance.now() - started);
      });
      child.on('exit', (code) => fail(new Error(`${command} ${args.join(' ')} exited (${code}) before printing its URL:\n${output}`)));
    });
    await atUrl(child.pid ?? -1);
    return elapsed;
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
