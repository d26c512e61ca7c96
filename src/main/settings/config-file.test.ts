import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import { applyConfig, loadConfigFile, settingsPatchFromConfig } from './config-file.ts';
import { createMemorySecretStore, type SecretStore } from './secret-store.ts';
import { createSettingsStore } from './settings-store.ts';

const warnings: string[] = [];
const log: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {}, child: () => log };

function write(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ringside-config-')), 'ringside.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const fullConfig = {
  account: { serverUrl: 'wss://pbx:8089/ws', sipUri: 'sip:101@pbx', authUser: '101', password: 's3cret', displayName: 'Reception' },
  ringPolicy: { answerOnRing: null, ringOnMs: 2000, ringOffMs: 4000, maxLines: 3 },
  defaultRegion: 'RU',
  devices: { microphoneId: 'mic', headsetId: null, ringerId: 'spk' },
  dataDir: '/srv/ringside',
  web: { host: '127.0.0.1', port: 8080, token: 'abcdefghijklmnop' },
};

describe('config file', () => {
  it('reads every documented key and keeps the password out of the settings patch', () => {
    const config = loadConfigFile(write(fullConfig));
    expect(config).toEqual(fullConfig);
    const patch = settingsPatchFromConfig(config);
    expect(JSON.stringify(patch)).not.toContain('s3cret');
    expect(patch).toMatchObject({ account: { sipUri: 'sip:101@pbx' }, ringPolicy: { answerOnRing: null, maxLines: 3 }, defaultRegion: 'RU' });
  });

  it('names the file and the key that is wrong', () => {
    expect(() => loadConfigFile(write({ ringPolicy: { answerOnRing: 7 } }))).toThrow('ringside.json: ringPolicy.answerOnRing: must be 1–6 or null');
    expect(() => loadConfigFile(write({ ringPolicy: { answerOnRing: 'two' } }))).toThrow('ringside.json: ringPolicy.answerOnRing: must be 1–6 or null');
    expect(() => loadConfigFile(write({ acount: {} }))).toThrow('ringside.json: acount: unknown key');
    expect(() => loadConfigFile(write({ account: { pasword: 'x' } }))).toThrow('ringside.json: account.pasword: unknown key');
    expect(() => loadConfigFile(write({ account: { serverUrl: 'http://pbx' } }))).toThrow(/account.serverUrl: must be a ws:\/\/ or wss:\/\/ URL/);
    expect(() => loadConfigFile(write({ web: { port: 70000 } }))).toThrow(/web.port/);
    expect(() => loadConfigFile(write('{ "account": '))).toThrow(/^ringside.json: .*JSON/);
    expect(() => loadConfigFile(join(tmpdir(), 'no-such-ringside.json'))).toThrow(/no-such-ringside.json: .*ENOENT/);
  });

  it('takes a relative data folder from the config file’s own folder', () => {
    const file = write({ dataDir: 'data' });
    expect(loadConfigFile(file).dataDir).toBe(join(file, '..', 'data'));
  });

  it('applies the config over stored settings and gives the password to the secret store', async () => {
    const settings = createSettingsStore({ file: join(mkdtempSync(join(tmpdir(), 'ringside-config-')), 'settings.json'), log });
    settings.update({ defaultRegion: 'CY', ringPolicy: { ringOnMs: 1500 } });
    const secrets = createMemorySecretStore('old');
    const used = await applyConfig(loadConfigFile(write(fullConfig)), settings, secrets, log);
    expect(used).toBe(secrets);
    expect(secrets.getPassword()).toBe('s3cret');
    expect(settings.get()).toMatchObject({ defaultRegion: 'RU', ringPolicy: { answerOnRing: null, ringOnMs: 2000 }, account: { displayName: 'Reception' } });
    expect(settings.get().devices).toEqual({ ...defaultSettings.devices, microphoneId: 'mic', ringerId: 'spk' });
  });

  it('a config that sets anything counts as the desk set up: the set-up guide is no longer due; one that sets nothing leaves it due', async () => {
    const fresh = () => createSettingsStore({ file: join(mkdtempSync(join(tmpdir(), 'ringside-config-')), 'settings.json'), log });
    const configured = fresh();
    await applyConfig(loadConfigFile(write({ script: { id: 'reception', locale: 'en' } })), configured, createMemorySecretStore(), log);
    expect(configured.get().setupGuide).toBe('skipped');
    const bare = fresh();
    await applyConfig(loadConfigFile(write({ dataDir: 'data' })), bare, createMemorySecretStore(), log);
    expect(bare.get().setupGuide).toBe('pending');
    const done = fresh();
    done.update({ setupGuide: 'completed' });
    await applyConfig(loadConfigFile(write({ defaultRegion: 'RU' })), done, createMemorySecretStore(), log);
    expect(done.get().setupGuide).toBe('completed');
  });

  it('keeps the password for this run when the secret store refuses it', async () => {
    const settings = createSettingsStore({ file: join(mkdtempSync(join(tmpdir(), 'ringside-config-')), 'settings.json'), log });
    let refuse = true;
    const stored = createMemorySecretStore();
    const keyStoreMissing: SecretStore = {
      getPassword: () => stored.getPassword(),
      async setPassword(next) {
        if (refuse) throw new Error('no key store');
        await stored.setPassword(next);
      },
    };
    const used = await applyConfig({ account: { password: 's3cret' } }, settings, keyStoreMissing, log);
    expect(used.getPassword()).toBe('s3cret');
    expect(warnings.at(-1)).toMatch(/this run only/);
    await expect(used.setPassword('typed')).rejects.toThrow('no key store');
    expect(used.getPassword()).toBe('s3cret');
    refuse = false;
    await used.setPassword('typed');
    expect(used.getPassword()).toBe('typed');
  });
});
