import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallerBot, startCallerBotServer } from '../test/lab/caller-bot.ts';
import { launchLabChromium } from '../test/lab/chromium.ts';
import { startSipLab } from '../test/lab/sip-lab.ts';
import { makeTone } from '../test/lab/tones.ts';
import { startRingsideWeb } from '../test/e2e/fixtures/ringside-app.ts';

const CALL_SECONDS = 20;
const TICKS_PER_SECOND = 100;
const log = (line: string) => console.log(line);

/** CPU seconds used so far by a process and all its descendants (from /proc). */
function cpuSeconds(root: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
      } catch {
        return null;
      }
    })
    .filter((s) => s !== null);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (tree.has(s.pid) || !tree.has(s.ppid)) continue;
      tree.add(s.pid);
      grew = true;
    }
  }
  return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) / TICKS_PER_SECOND;
}

/** The desk's Chromium: the browser process started with its fake microphone file. */
function chromiumWithMic(micFile: string): number {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(`--use-file-for-fake-audio-capture=${micFile}`)) return Number(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('The desk Chromium was not found');
}

const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-rec-'));
const lab = await startSipLab({ dir: join(dir, 'lab'), sipPort: 25100, wsPort: 25101, users: { 101: 'bench-101', 201: 'bench-201' } });
const botServer = await startCallerBotServer(25103);
const caller = await CallerBot.launch({ labDir: join(dir, 'lab'), origin: botServer.origin, toneHz: 880, wsUrl: lab.wsUrl, user: '201', password: 'bench-201', domain: '127.0.0.1' });
const micFile = makeTone(join(dir, 'desk-mic'), 440, 'wav');
try {
  const results: Record<string, { main: number; window: number }> = {};
  for (const policy of ['never', 'all'] as const) {
    const app = await startRingsideWeb({
      dir: join(dir, policy),
      port: 25104,
      config: { account: { serverUrl: lab.wsUrl, sipUri: 'sip:101@127.0.0.1', password: 'bench-101' }, ringPolicy: { answerOnRing: 1 }, recordingPolicy: policy },
    });
    const browser = await launchLabChromium({ fakeMicWav: micFile });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      await page.goto(app.url);
      await page.getByText('Registered as 101').waitFor({ timeout: 20_000 });
      const windowPid = chromiumWithMic(micFile);
      await caller.call('101');
      await caller.waitForStatus('established', 15_000);
      await page.waitForTimeout(2000);
      const before = { main: cpuSeconds(app.pid), window: cpuSeconds(windowPid) };
      await page.waitForTimeout(CALL_SECONDS * 1000);
      results[policy] = { main: (cpuSeconds(app.pid) - before.main) / CALL_SECONDS, window: (cpuSeconds(windowPid) - before.window) / CALL_SECONDS };
      await caller.hangup();
      await caller.waitForStatus('terminated');
    } finally {
      await browser.close();
      await app.stop();
    }
  }
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  for (const [policy, r] of Object.entries(results)) {
    log(`  recording ${policy === 'all' ? 'on ' : 'off'}: main ${pct(r.main)} of a core, window ${pct(r.window)}, together ${pct(r.main + r.window)}`);
  }
  const on = results.all!;
  const off = results.never!;
  log(`  recording adds: main +${pct(on.main - off.main)}, window +${pct(on.window - off.window)} of a core (${CALL_SECONDS} s of an established call each)`);
} finally {
  await caller.close();
  await botServer.close();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
}
