import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchLabChromium } from '../test/lab/chromium.ts';
import { startSipLab } from '../test/lab/sip-lab.ts';
import { makeTone } from '../test/lab/tones.ts';
import { startRingsideWeb } from '../test/e2e/fixtures/ringside-app.ts';
import { chromiumChildren, processTree, pssMegabytes } from './process-memory.ts';

const RUNS = 5;
/** Time left to settle after the page is up (registration, first data, lazy GC) before reading. */
const SETTLE_MS = 5000;
const log = (line: string) => console.log(line);
const root = resolve(import.meta.dirname, '..');
/**
 * Ringside started as `npm run web` starts it (package.json's node flags, scripts/web.ts, which
 * becomes the built core in the same pid), not the TypeScript sources the e2e fixture runs.
 */
const webScript = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { web: string } }).scripts.web;
const asNpmRunWeb = ([node = '', , ...args]: string[]) => [node, ...webScript.split(/\s+/).filter((word) => word.startsWith('--')), join(root, 'scripts', 'web.ts'), ...args];

const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-memory-'));
const lab = await startSipLab({ dir: join(dir, 'lab'), sipPort: 25200, wsPort: 25201, users: { 101: 'bench-101' } });
const micFile = makeTone(join(dir, 'lab'), 440, 'wav');
// The floor: a 1 KB page in a Chromium launched with the same flags as the desk's.
const page1k = `<!doctype html><html><head><meta charset="utf-8"><title>1 KB</title></head><body><p>${'x'.repeat(900)}</p></body></html>`;
const bareServer = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page1k));
await new Promise<void>((listening) => bareServer.listen(25203, '127.0.0.1', listening));

async function measureChromium(url: string, ready: (page: import('@playwright/test').Page) => Promise<void>): Promise<number> {
  const browser = await launchLabChromium({ fakeMicWav: micFile });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await ready(page);
    await page.waitForTimeout(SETTLE_MS);
    const [root] = chromiumChildren();
    if (root === undefined) throw new Error('The Chromium process was not found');
    return pssMegabytes(processTree(root));
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const runs: { main: number; window: number; bare: number }[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const bare = await measureChromium('http://127.0.0.1:25203/', (page) => page.locator('p').waitFor());
    const app = await startRingsideWeb({
      dir: join(dir, `run-${i}`),
      port: 25204,
      config: { account: { serverUrl: lab.wsUrl, sipUri: 'sip:101@127.0.0.1', password: 'bench-101' } },
      wrap: asNpmRunWeb,
    });
    try {
      let main = NaN;
      const window = await measureChromium(app.url, async (page) => {
        await page.getByText('Registered as 101').waitFor({ timeout: 20_000 });
        // Read main while its window is still open and registered (same moment as the window).
        await page.waitForTimeout(SETTLE_MS);
        main = pssMegabytes(processTree(app.pid));
      });
      runs.push({ main, window, bare });
    } finally {
      await app.stop();
    }
  }
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  for (const [i, r] of runs.entries()) {
    log(`  run ${i + 1}: main ${mb(r.main)} + window ${mb(r.window)} = ${mb(r.main + r.window)}; bare Chromium ${mb(r.bare)}`);
  }
  const main = median(runs.map((r) => r.main));
  const window = median(runs.map((r) => r.window));
  const total = median(runs.map((r) => r.main + r.window));
  const bare = median(runs.map((r) => r.bare));
  log(`  median of ${RUNS}: main process ${mb(main)} PSS (aim: under ~60 MB), its Chromium ${mb(window)}`);
  log(`  Ringside ${mb(total)} against a bare Chromium with a 1 KB page ${mb(bare)}: ${(total / bare).toFixed(2)}× (aim: ≤ 1.3×)`);
} finally {
  bareServer.close();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
}
