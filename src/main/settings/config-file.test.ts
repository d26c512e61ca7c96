import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, settingsPatchFromConfig } from './config-file.ts';

function write(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ringside-config-')), 'ringside.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('config file', () => {
  it('reads every documented key and keeps the password out of the settings patch', () => {
    const config = loadConfigFile(
      write({
        account: { serverUrl: 'wss://pbx:8089/ws', sipUri: 'sip:101@pbx', authUser: '101', password: 's3cret', displayName: 'Reception' },
        ringPolicy: { answerOnRing: null, ringOnMs: 2000, ringOffMs: 4000, maxLines: 3 },
        defaultRegion: 'RU',
        devices: { microphoneId: 'mic', headsetId: null, ringerId: 'spk' },
        dataDir: '/srv/ringside',
        web: { host: '127.0.0.1', port: 8080, token: 'abcdefghijklmnop' },
      }),
    );
    expect(config.account?.password).toBe('s3cret');
    const patch = settingsPatchFromConfig(config);
    expect(JSON.stringify(patch)).not.toContain('s3cret');
    expect(patch).toMatchObject({ account: { sipUri: 'sip:101@pbx' }, ringPolicy: { answerOnRing: null, maxLines: 3 }, defaultRegion: 'RU' });
  });

  it('names the key that is wrong', () => {
    expect(() => loadConfigFile(write({ ringPolicy: { answerOnRing: 7 } }))).toThrow(/ringPolicy.answerOnRing/);
    expect(() => loadConfigFile(write({ acount: {} }))).toThrow(/acount/);
    expect(() => loadConfigFile(write({ account: { pasword: 'x' } }))).toThrow(/pasword/);
    expect(() => loadConfigFile(write('{ "account": '))).toThrow(/ringside.json: .*JSON/);
  });
});
