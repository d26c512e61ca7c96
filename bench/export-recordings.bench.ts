import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { systemClock } from '../src/shared/clock.ts';
import { openDatabase } from '../src/main/db/open-database.ts';
import { exportRecordings } from '../src/main/recordings/export-recordings.ts';
import { seedRecordedCall } from '../src/main/recordings/fixtures/seed-recordings.ts';
import { selectRecordings } from '../src/main/recordings/recording-selection.ts';

const RECORDINGS = 2000;
const WAV_SAMPLE = 20;
const cache = resolve(import.meta.dirname, '..', '.bench-cache', `export-${RECORDINGS}`);

/**
 * Export of 2,000 one-minute recordings: throughput against a plain copy of the same bytes, and
 * the process's peak memory while it runs (both aims from the recordings issue). WAV export is
 * measured on a sample, in minutes of audio per second.
 */
export async function run(log: (line: string) => void): Promise<void> {
  log(`Export of ${RECORDINGS} one-minute recordings (stereo WebM/Opus)`);
  const dataDir = await seededDataDir(log);
  const database = await openDatabase(join(dataDir, 'ringside.sqlite'));
  try {
    const files = (await selectRecordings(database.db, {})).map((r) => join(dataDir, r.file));
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const out = join(cache, 'out');
    mkdirSync(out, { recursive: true });
    await plainCopy(files, join(out, 'warm-up.bin'));

    const copySeconds = Math.min(await timed(() => plainCopy(files, join(out, 'copy-1.bin'))), await timed(() => plainCopy(files, join(out, 'copy-2.bin'))));
    const memory = sampleMemory();
    // Like the copy, the better of two runs: this machine's disk is shared and noisy.
    const runs: { exportSeconds: number; writeSeconds: number }[] = [];
    for (let run = 0; run < 2; run++) {
      rmSync(join(out, 'export.zip'), { force: true });
      const started = performance.now();
      let verifyingFrom = 0;
      const exportSeconds = await timed(() =>
        exportRecordings({
          db: database.db,
          dataDir,
          clock: systemClock,
          filter: {},
          format: 'webm',
          target: join(out, 'export.zip'),
          onProgress: (p) => {
            if (p.phase === 'verifying' && verifyingFrom === 0) verifyingFrom = performance.now();
          },
        }).then(() => undefined),
      );
      runs.push({ exportSeconds, writeSeconds: (verifyingFrom - started) / 1000 });
    }
    const exportSeconds = Math.min(...runs.map((r) => r.exportSeconds));
    const writeSeconds = Math.min(...runs.map((r) => r.writeSeconds));
    const { baseline, peak } = memory.stop();
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    const rate = (seconds: number) => `${(bytes / 1024 / 1024 / seconds).toFixed(0)} MB/s`;
    log(`  ${files.length} files, ${mb(bytes)}; archive ${mb(statSync(join(out, 'export.zip')).size)} (written, then read back and verified)`);
    log(`  plain copy of the same bytes: ${copySeconds.toFixed(2)} s (${rate(copySeconds)}; the better of two runs, as for the export)`);
    log(`  export incl. verification:    ${exportSeconds.toFixed(2)} s (${rate(exportSeconds)})`);
    log(`    of which writing ${writeSeconds.toFixed(2)} s (${rate(writeSeconds)}), reading back to verify ${(exportSeconds - writeSeconds).toFixed(2)} s`);
    log(`  throughput vs plain copy: ${(copySeconds / exportSeconds).toFixed(2)} with verification, ${(copySeconds / writeSeconds).toFixed(2)} writing alone (aim: at least 0.8)`);
    log(`  memory: RSS ${mb(baseline)} before, peak ${mb(peak)} during (+${mb(peak - baseline)}; aim: flat, under 200 MB)`);

    const wavFilter = { to: (await selectRecordings(database.db, {}))[WAV_SAMPLE]!.inviteAt };
    const wavSeconds = await timed(() =>
      exportRecordings({ db: database.db, dataDir, clock: systemClock, filter: wavFilter, format: 'wav', target: join(out, 'export-wav.zip') }).then(() => undefined),
    );
    log(`  WAV export (decode + encode): ${WAV_SAMPLE} one-minute calls in ${wavSeconds.toFixed(1)} s = ${(WAV_SAMPLE / wavSeconds).toFixed(1)} minutes of audio per second`);
    rmSync(out, { recursive: true, force: true });
  } finally {
    await database.close();
  }
}

/** Built once and kept in .bench-cache/: a database of answered calls, each with a one-minute recording. */
async function seededDataDir(log: (line: string) => void): Promise<string> {
  const dataDir = join(cache, 'data');
  if (existsSync(join(dataDir, 'ready'))) return dataDir;
  log('  (building the recordings once: about 2 GB in .bench-cache/)');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const minute = join(cache, 'minute.webm');
  const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=880:duration=60', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=60', '-filter_complex', '[0][1]amerge=inputs=2', '-c:a', 'libopus', '-b:a', '128k', minute]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make the one-minute recording: ${made.stderr.toString()}`);
  const audio = readFileSync(minute);
  const database = await openDatabase(join(dataDir, 'ringside.sqlite.tmp'));
  const start = Date.UTC(2026, 0, 5, 8);
  for (let i = 0; i < RECORDINGS; i++) {
    // Each file differs (its own hash), as real recordings do.
    await seedRecordedCall(database.db, dataDir, { callId: `bench-${i}`, inviteAt: start + i * 600_000, remoteNumber: `+3021${String(i).padStart(8, '0')}`, audio: Buffer.concat([audio, Buffer.from(String(i))]) });
  }
  await database.close();
  renameSync(join(dataDir, 'ringside.sqlite.tmp'), join(dataDir, 'ringside.sqlite'));
  writeFileSync(join(dataDir, 'ready'), '');
  return dataDir;
}

/** The same bytes, read file by file and written to one file that is flushed at the end, as the export does. */
async function plainCopy(files: string[], target: string): Promise<void> {
  const out = createWriteStream(target, { flush: true });
  for (const file of files) {
    for await (const chunk of createReadStream(file)) if (!out.write(chunk)) await once(out, 'drain');
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  rmSync(target);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function sampleMemory(): { stop(): { baseline: number; peak: number } } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return { baseline, peak: Math.max(peak, process.memoryUsage().rss) };
    },
  };
}
