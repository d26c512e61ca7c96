import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Libraries of features used now and then (export, recordings' waveform and duration, CSV import). */
const ON_DEMAND = ['yazl', 'yauzl', 'opus-decoder', 'wavefile', 'ts-ebml', 'csv-parse', 'csv-stringify'];

describe('main process memory: libraries loaded when first used', () => {
  it('starting the app loads none of the export, waveform, WebM or CSV libraries', () => {
    const output = execFileSync(process.execPath, [join(import.meta.dirname, 'start-app-packages.ts')], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    const loaded = JSON.parse(/^PACKAGES (.*)$/m.exec(output)?.[1] ?? 'null') as string[];
    // The app really started: its database and SIP libraries are there.
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'sip.js']));
    expect(loaded.filter((name) => ON_DEMAND.includes(name))).toEqual([]);
  });
});
