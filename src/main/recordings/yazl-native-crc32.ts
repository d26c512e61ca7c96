import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

interface BufferCrc32 {
  unsigned(data: Buffer, previous?: number): number;
}

/**
 * yazl computes each entry's CRC-32 with buffer-crc32, in JavaScript (about 0.4 GB/s: slower than
 * the disk). Node's zlib.crc32 gives the same values natively (about 4 GB/s), so yazl's copy of
 * buffer-crc32 is pointed at it. verifyExportArchive checks every entry's CRC independently, and
 * yazl-native-crc32.test.ts checks the values match, so a change in either library fails the tests.
 */
export function useNativeCrc32ForYazl(): void {
  const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
  const bufferCrc32 = fromYazl('buffer-crc32') as BufferCrc32;
  bufferCrc32.unsigned = (data, previous = 0) => crc32(data, previous);
}
