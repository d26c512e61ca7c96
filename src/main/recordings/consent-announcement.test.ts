import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import { announcementFile, announcementLabel, BUNDLED_ANNOUNCEMENT, saveAnnouncement } from './consent-announcement.ts';

const resources = resolve(import.meta.dirname, '../../../resources');
const bundled = readFileSync(join(resources, 'announcements', BUNDLED_ANNOUNCEMENT));

describe('consent announcements', () => {
  it("keeps the admin's audio by its content, under a safe name, and plays it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ringside-announce-'));
    const stored = saveAnnouncement(dataDir, '../../etc/Привет мир.WAV', bundled);
    expect(stored).toBe('etc-Привет-мир.wav');
    const consent = { ...defaultSettings.consent, announcement: 'custom' as const, customFile: stored };
    expect(announcementFile(consent, dataDir, resources)).toEqual({ file: join(dataDir, 'announcements', stored), mime: 'audio/wav' });
    expect(announcementLabel(consent)).toBe(`custom:${stored}`);
  });

  it('refuses a file that is not audio, and plays nothing when announcing is off', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ringside-announce-'));
    expect(() => saveAnnouncement(dataDir, 'greeting.wav', new TextEncoder().encode('<script>alert(1)</script>'))).toThrow('greeting.wav is not a WAV, MP3, Ogg or WebM audio file.');
    expect(announcementFile(defaultSettings.consent, dataDir, resources)).toBeNull();
    expect(announcementFile({ ...defaultSettings.consent, announcement: 'bundled' }, dataDir, resources)?.mime).toBe('audio/wav');
  });
});
