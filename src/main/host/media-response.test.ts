import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaResponse } from './media-response.ts';

describe('media responses (Electron protocol)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ringside-media-')), 'r.webm');
  writeFileSync(file, '0123456789');
  const media = { file, mime: 'audio/webm' };

  it('answers a range with 206 and only those bytes', async () => {
    const response = mediaResponse(media, 'bytes=2-4');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await response.text()).toBe('234');
  });

  it('answers the whole file, a missing file and a bad range', async () => {
    const whole = mediaResponse(media, null);
    expect([whole.status, await whole.text()]).toEqual([200, '0123456789']);
    expect(mediaResponse(null, null).status).toBe(404);
    expect(mediaResponse(media, 'bytes=50-').status).toBe(416);
  });
});
