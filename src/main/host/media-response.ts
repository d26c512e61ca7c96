import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parseByteRange } from './byte-range.ts';
import type { MediaFile } from './media-file.ts';

/** A fetch Response for a media file with byte ranges (Electron's protocol handler serves these). */
export function mediaResponse(media: MediaFile | null, rangeHeader: string | null): Response {
  if (!media) return new Response(null, { status: 404 });
  const size = media.content ? media.content.length : statSync(media.file).size;
  const range = parseByteRange(rangeHeader, size);
  const headers: Record<string, string> = { 'Content-Type': media.mime, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  if (media.downloadName) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(media.downloadName)}`;
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const { start, end } = range === 'whole' ? { start: 0, end: size - 1 } : range;
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range !== 'whole') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  const body =
    size === 0 ? null : media.content ? new Uint8Array(media.content.subarray(start, end + 1)) : (Readable.toWeb(createReadStream(media.file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range === 'whole' ? 200 : 206, headers });
}
