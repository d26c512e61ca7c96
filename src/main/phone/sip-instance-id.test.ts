import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sipInstanceId } from './sip-instance-id.ts';

describe('sipInstanceId', () => {
  it('is made once and the same at every start on the same data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-instance-'));
    const first = sipInstanceId(dir);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sipInstanceId(dir, () => 'never-used')).toBe(first);
    expect(readFileSync(join(dir, 'sip-instance-id'), 'utf8').trim()).toBe(first);
  });

  it('is made again when the stored one cannot be read as a UUID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-instance-'));
    writeFileSync(join(dir, 'sip-instance-id'), 'garbage');
    expect(sipInstanceId(dir, () => '0b0e7f34-55d2-4c1a-9a51-2f6c1d1e8a90')).toBe('0b0e7f34-55d2-4c1a-9a51-2f6c1d1e8a90');
    expect(sipInstanceId(dir)).toBe('0b0e7f34-55d2-4c1a-9a51-2f6c1d1e8a90');
  });
});
