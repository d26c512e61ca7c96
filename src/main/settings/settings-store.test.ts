import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import { upgradeSettingsFile } from './settings-file.ts';
import { createSettingsStore } from './settings-store.ts';

const errors: string[] = [];
const log: Logger = { debug() {}, info() {}, warn() {}, error: (m) => errors.push(m), child: () => log };
const tempFile = () => join(mkdtempSync(join(tmpdir(), 'ringside-settings-')), 'settings.json');

describe('settings store', () => {
  it('starts from defaults, saves a patch to disk and tells listeners', () => {
    const file = tempFile();
    const store = createSettingsStore({ file, log });
    expect(store.get()).toEqual(defaultSettings);
    const seen: number[] = [];
    store.onChange((s) => seen.push(s.ringPolicy.answerOnRing ?? 0));
    store.update({ ringPolicy: { answerOnRing: 3 }, account: { sipUri: 'sip:101@pbx' } });
    expect(seen).toEqual([3]);
    const reread = createSettingsStore({ file, log }).get();
    expect(reread.ringPolicy).toEqual({ ...defaultSettings.ringPolicy, answerOnRing: 3 });
    expect(reread.account.sipUri).toBe('sip:101@pbx');
    expect(JSON.parse(readFileSync(file, 'utf8')) as unknown).toMatchObject({ version: 1 });
  });

  it('saves every kind of setting a patch names: whole values replaced, groups merged', () => {
    const file = tempFile();
    const store = createSettingsStore({ file, log });
    store.update({ language: 'el', script: { id: 'reception', locale: 'ru' }, retentionDays: 30, office: { company: 'Ventura' } });
    store.update({ office: { activity: 'windows' }, retentionDays: null });
    expect(createSettingsStore({ file, log }).get()).toMatchObject({
      language: 'el',
      script: { id: 'reception', locale: 'ru' },
      retentionDays: null,
      office: { company: 'Ventura', activity: 'windows' },
    });
  });

  it('refuses a bad patch naming the field, and keeps what was there', () => {
    const store = createSettingsStore({ file: tempFile(), log });
    expect(() => store.update({ ringPolicy: { answerOnRing: 9 } })).toThrow(/ringPolicy.answerOnRing/);
    expect(() => store.update({ account: { serverUrl: 'http://pbx' } })).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => store.update({ account: { displayName: 'Evil\r\nVia: x' } })).toThrow(/line breaks/);
    expect(store.get()).toEqual(defaultSettings);
  });

  it('keeps the settings it had when saving fails', () => {
    const file = tempFile();
    const store = createSettingsStore({ file, log });
    store.update({ defaultRegion: 'RU' });
    mkdirSync(`${file}.tmp-${process.pid}`);
    expect(() => store.update({ defaultRegion: 'CY' })).toThrow();
    expect(store.get().defaultRegion).toBe('RU');
    expect(createSettingsStore({ file, log }).get().defaultRegion).toBe('RU');
  });

  it('keeps a corrupt file aside and starts with defaults', () => {
    const file = tempFile();
    writeFileSync(file, '{ not json');
    const store = createSettingsStore({ file, log, now: () => 42 });
    expect(store.get()).toEqual(defaultSettings);
    expect(existsSync(`${file}.corrupt-42`)).toBe(true);
    expect(errors.at(-1)).toMatch(/could not be read/);
    store.update({ defaultRegion: 'RU' });
    expect(readdirSync(join(file, '..')).sort()).toEqual(['settings.json', 'settings.json.corrupt-42']);
  });

  it('treats a well-formed file with a wrong value as corrupt', () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ version: 1, settings: { ...defaultSettings, ringPolicy: { ...defaultSettings.ringPolicy, answerOnRing: 12 } } }));
    expect(createSettingsStore({ file, log, now: () => 7 }).get()).toEqual(defaultSettings);
    expect(existsSync(`${file}.corrupt-7`)).toBe(true);
  });

  it('the set-up guide moves forward only: once completed or skipped it is never due again', () => {
    const store = createSettingsStore({ file: tempFile(), log });
    expect(store.get().setupGuide).toBe('pending');
    store.update({ setupGuide: 'skipped' });
    expect(() => store.update({ setupGuide: 'pending' })).toThrow(/setupGuide/);
    store.update({ setupGuide: 'completed' });
    expect(() => store.update({ setupGuide: 'pending', language: 'ru' })).toThrow(/setupGuide/);
    expect(store.get()).toMatchObject({ setupGuide: 'completed', language: 'en' });
  });

  it('a settings file from before the set-up guide is a desk in use: the guide is not due', () => {
    expect(upgradeSettingsFile({ version: 1, settings: { defaultRegion: 'CY' } }).setupGuide).toBe('skipped');
    expect(upgradeSettingsFile({ version: 1, settings: { setupGuide: 'pending' } }).setupGuide).toBe('pending');
  });

  it('upgrades a file with missing keys and refuses one from a newer version', () => {
    expect(upgradeSettingsFile({ version: 1, settings: { defaultRegion: 'CY', ringPolicy: { answerOnRing: null } } })).toMatchObject({
      defaultRegion: 'CY',
      ringPolicy: { answerOnRing: null, ringOnMs: 1000 },
    });
    expect(() => upgradeSettingsFile({ version: 2, settings: {} })).toThrow(/newer Ringside/);
  });
});
