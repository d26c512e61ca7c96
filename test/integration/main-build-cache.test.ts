import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMainIfChanged } from '../../scripts/main-build-cache.ts';
import { openDatabase } from '../../src/main/db/open-database.ts';
import { pastDaysReplySchema, type PastDaysJob } from '../../src/main/stats/past-days-job.ts';
import { ATHENS, HOUR, START, seedDeskCalls } from '../../src/main/stats/desk-calls-seed.test-support.ts';

const repo = resolve(import.meta.dirname, '..', '..');

/** A copy of what browser mode is started from, with the real node_modules, so its out/ and sources are the test's own. */
function checkoutCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'ringside-main-build-'));
  for (const input of ['src/main', 'src/shared', 'src/renderer', 'resources', 'scripts', 'vite.web-main.config.ts', 'vite.renderer.config.ts', 'package.json', 'package-lock.json']) {
    cpSync(join(repo, input), join(root, input), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

describe('npm start / npm run web run the core built to JavaScript, built only when its sources changed', () => {
  let root: string;
  const lines: string[] = [];
  const build = () => buildMainIfChanged({ root, log: (line) => lines.push(line) });
  const buildsAnnounced = () => lines.filter((line) => line.startsWith('Building the core')).length;
  const webMain = () => join(root, 'out', 'web-main', 'web-main.js');
  beforeAll(() => {
    root = checkoutCopy();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time, not again while nothing changed, and again after a source of main or shared, or the build itself, changed', () => {
    expect(build()).toEqual({ built: true });
    expect(existsSync(webMain())).toBe(true);
    // The statistics worker is started by file path from beside the bundle that starts it.
    expect(existsSync(join(root, 'out', 'web-main', 'past-days-worker.js'))).toBe(true);
    const firstBuild = statSync(webMain()).mtimeMs;

    expect(build()).toEqual({ built: false });
    expect(statSync(webMain()).mtimeMs).toBe(firstBuild);
    expect(buildsAnnounced()).toBe(1);

    appendFileSync(join(root, 'src', 'main', 'app', 'start-app.ts'), '\n// changed by the build-cache test\n');
    expect(build()).toEqual({ built: true });
    expect(build()).toEqual({ built: false });
    appendFileSync(join(root, 'src', 'shared', 'clock.ts'), '\n// changed by the build-cache test\n');
    expect(build()).toEqual({ built: true });

    // A build left damaged (or made by hand from other sources) is not taken for this one.
    appendFileSync(webMain(), '\n// not what the build made\n');
    expect(build()).toEqual({ built: true });
    expect(readFileSync(webMain(), 'utf8')).not.toContain('not what the build made');
    expect(buildsAnnounced()).toBe(4);
  }, 120_000);

  it('the built statistics worker counts past days on its own connection (native module and shared chunk load from out/)', async () => {
    build();
    const file = join(root, 'stats.sqlite');
    const database = await openDatabase(file);
    await seedDeskCalls(database.db);
    await database.close();
    const now = START + 12 * 24 * HOUR;
    const job: PastDaysJob = { file, now, timeZone: ATHENS, period: { from: START - 24 * HOUR, to: now }, agents: [null], pauseMs: 0 };
    const worker = new Worker(join(root, 'out', 'web-main', 'past-days-worker.js'), { workerData: job });
    const reply = pastDaysReplySchema.parse(await new Promise((done, fail) => worker.once('message', done).once('error', fail)));
    expect(reply.kind).toBe('counted');
    expect(reply.kind === 'counted' && reply.days[0]).toBeGreaterThan(10);
  }, 60_000);

  it('node scripts/web.ts becomes the built core in the same process and serves the interface', async () => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'web.ts'), '--data-dir', join(root, 'data'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const url = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          output += `${line}\n`;
          const match = /Ringside browser mode: (http:\/\/\S+)/.exec(line);
          if (match?.[1]) done(match[1]);
        });
        child.once('exit', (code) => fail(new Error(`web.ts exited (${code}) before printing its URL:\n${output}`)));
      });
      // The same pid now runs the JavaScript: no TypeScript file is left in the process's command line.
      const commandLine = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(commandLine).toContain(webMain());
      expect(commandLine.filter((arg) => arg.endsWith('.ts'))).toEqual([]);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
