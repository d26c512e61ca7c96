import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ConsentSettings } from '../../shared/ipc/settings.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { MediaFile } from '../host/media-file.ts';
import { writeFileAtomic } from '../settings/atomic-write.ts';

/** The bundled announcement ("This call may be recorded…"), in resources/announcements/. */
export const BUNDLED_ANNOUNCEMENT = 'this-call-may-be-recorded-en.wav';

/** Audio the renderer can decode, recognised by content, not by the name it was given. */
const FORMATS: { ext: string; mime: string; matches(bytes: Uint8Array): boolean }[] = [
  { ext: '.wav', mime: 'audio/wav', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE' },
  { ext: '.ogg', mime: 'audio/ogg', matches: (b) => ascii(b, 0, 4) === 'OggS' },
  { ext: '.webm', mime: 'audio/webm', matches: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3 },
  { ext: '.mp3', mime: 'audio/mpeg', matches: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
];

/** The file the caller hears under the current consent settings, or null when announcing is off. */
export function announcementFile(consent: ConsentSettings, dataDir: string, resourcesDir: string): MediaFile | null {
  if (consent.announcement === 'off') return null;
  const file =
    consent.announcement === 'bundled' ? join(resourcesDir, 'announcements', BUNDLED_ANNOUNCEMENT) : consent.customFile && join(dataDir, 'announcements', consent.customFile);
  if (!file || !existsSync(file)) return null;
  const format = FORMATS.find((f) => f.ext === extname(file).toLowerCase());
  return { file, mime: format?.mime ?? 'application/octet-stream' };
}

/** What a call stores about consent: "off", "bundled:<file>" or "custom:<file>". */
export function announcementLabel(consent: ConsentSettings): string {
  if (consent.announcement === 'off') return 'off';
  return consent.announcement === 'bundled' ? `bundled:${BUNDLED_ANNOUNCEMENT}` : `custom:${consent.customFile ?? ''}`;
}

/** Keeps the admin's announcement in the data folder; refuses anything that is not audio we can play. */
export function saveAnnouncement(dataDir: string, fileName: string, bytes: Uint8Array): string {
  const format = FORMATS.find((f) => f.matches(bytes));
  if (!format) throw new RpcError('bad-announcement', `${fileName} is not a WAV, MP3, Ogg or WebM audio file.`, { file: fileName });
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'announcement';
  const stored = `${base}${format.ext}`;
  mkdirSync(join(dataDir, 'announcements'), { recursive: true });
  writeFileAtomic(join(dataDir, 'announcements', stored), bytes);
  return stored;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
