import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useNativeCrc32ForYazl } from './yazl-native-crc32.ts';

describe("yazl's CRC-32 on Node's native zlib.crc32", () => {
  it('gives the values buffer-crc32 gives, also when continued chunk by chunk', () => {
    const bufferCrc32 = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as { unsigned(data: Buffer, previous?: number): number };
    const data = randomBytes(100_000);
    const expectedWhole = bufferCrc32.unsigned(data);
    const expectedContinued = bufferCrc32.unsigned(data.subarray(5000), bufferCrc32.unsigned(data.subarray(0, 5000)));
    useNativeCrc32ForYazl();
    expect(bufferCrc32.unsigned(data)).toBe(expectedWhole);
    expect(bufferCrc32.unsigned(data.subarray(5000), bufferCrc32.unsigned(data.subarray(0, 5000)))).toBe(expectedContinued);
    expect(expectedContinued).toBe(expectedWhole);
  });
});
