import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptRecording } from './encrypted-recording.ts';
import { createKeyFileRecordingKeyStore } from './recording-key-store.ts';
import { loadPeaks, peaksFileFor } from './recording-peaks-cache.ts';

describe('the recordings key in browser mode', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made on first use, owner-only, and found again after a restart', () => {
    const file = join(dir, 'recordings.key');
    const made = createKeyFileRecordingKeyStore(file).current();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = createKeyFileRecordingKeyStore(file);
    expect(again.currentId()).toBe(made.id);
    expect(again.find(made.id)?.key).toEqual(made.key);
    expect(again.find('0000000000000000')).toBeNull();
  });

  it('says what to do when no key file is configured or the file is not a key', () => {
    const none = createKeyFileRecordingKeyStore(undefined);
    expect(() => none.current()).toThrow(/set recordingKeyFile in the config file/);
    expect(none.currentId()).toBeNull();
    writeFileSync(join(dir, 'bad.key'), 'not a key');
    expect(() => createKeyFileRecordingKeyStore(join(dir, 'bad.key')).current()).toThrow(/is not a Ringside recordings key/);
  });

  it("an encrypted recording's waveform is drawn from its audio and kept encrypted too", async () => {
    const keys = createKeyFileRecordingKeyStore(join(dir, 'recordings.key'));
    const key = keys.current();
    const fixture = join(import.meta.dirname, 'fixtures/stereo-440-left-1000-right-2s.webm');
    copyFileSync(fixture, join(dir, 'plain.webm'));
    writeFileSync(join(dir, 'sealed.webm'), encryptRecording(readFileSync(fixture), key));
    const plain = await loadPeaks(join(dir, 'plain.webm'), keys.find);
    expect(await loadPeaks(join(dir, 'sealed.webm'), keys.find)).toEqual(plain);
    expect(readFileSync(peaksFileFor(join(dir, 'sealed.webm'))).toString('latin1')).not.toContain('peaksPerSecond');
    // Read back from the encrypted cache.
    expect(await loadPeaks(join(dir, 'sealed.webm'), keys.find)).toEqual(plain);
    await expect(loadPeaks(join(dir, 'sealed.webm'), () => null)).rejects.toThrow(`key ${key.id}`);
  });
});
