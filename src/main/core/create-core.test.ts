import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { clientEvents, coreEvents, coreMethods, mediaMethods } from '../../shared/ipc/api.ts';
import { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import type { RpcMessage, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import { silentLogger } from '../../shared/logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createKeyFileRecordingKeyStore } from '../recordings/recording-key-store.ts';
import { createMemorySecretStore } from '../settings/secret-store.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { createCore, type Core } from './create-core.ts';

/** Two ports wired to each other, delivering asynchronously like a socket; `raw` sends unchecked messages from the window's side. */
function pair() {
  const handlers: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const make = (mine: 0 | 1): RpcPort => ({
    send: (message: RpcMessage) => queueMicrotask(() => handlers[mine === 0 ? 1 : 0].forEach((h) => h(JSON.parse(JSON.stringify(message))))),
    onMessage: (h) => {
      handlers[mine].push(h);
      return () => handlers[mine].splice(handlers[mine].indexOf(h), 1);
    },
  });
  return { window: make(0), core: make(1) };
}

/** Time stands still and no timer fires: the test sees the core as it starts. */
const stillClock: Clock = { now: () => Date.UTC(2026, 11, 3, 9), setTimeout: () => 0, clearTimeout: () => undefined };

describe('createCore, composed from the domain modules', () => {
  let dir: string;
  let database: OpenedDatabase;
  let core: Core;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-core-'));
    database = await openDatabase(join(dir, 'ringside.sqlite'));
    core = createCore({
      dataDir: dir,
      resourcesDir: resolve(import.meta.dirname, '../../../resources'),
      database,
      clock: stillClock,
      log: silentLogger,
      settings: createSettingsStore({ file: join(dir, 'settings.json'), log: silentLogger }),
      secrets: createMemorySecretStore(),
      recordingKeys: createKeyFileRecordingKeyStore(join(dir, 'recordings.key')),
    });
  });

  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = () => {
    const { window, core: corePort } = pair();
    const detach = core.attachClient(corePort);
    const client = new RpcPeer({ port: window, outgoing: coreMethods, incoming: mediaMethods, handlers: {}, outgoingEvents: clientEvents, incomingEvents: coreEvents });
    return { client, window, detach };
  };

  it('starts, answers a window, has a handler for every method of the contract, and stops', async () => {
    const { client, window, detach } = connect();
    const hello = await client.call('session.hello', { media: false });
    expect(hello.phone.registration.status).toBe('unconfigured');
    expect((await client.call('settings.get', {})).hasPassword).toBe(false);

    // A request with no parameters reaches a handler's parameter check (bad-params) or the handler itself, never unknown-method.
    const codes = new Map<number, string>();
    window.onMessage((message) => {
      const m = message as { kind: string; id: number; ok: boolean; error?: { code: string } };
      if (m.kind === 'response') codes.set(m.id, m.ok ? 'ok' : (m.error?.code ?? ''));
    });
    const methods = Object.keys(coreMethods);
    methods.forEach((method, i) => window.send({ kind: 'request', id: 100_000 + i, method, params: { nothing: true } }));
    await expect.poll(() => codes.size).toBe(methods.length);
    const unknown = methods.filter((_, i) => codes.get(100_000 + i) === 'unknown-method');
    expect(unknown).toEqual([]);

    detach();
    await core.dispose();
  });

  it('tells windows that tasks changed when a task is created: data.changed derived from the domain event', async () => {
    const { client, detach } = connect();
    const changed: string[] = [];
    client.on('data.changed', ({ what }) => changed.push(what));
    await client.call('session.hello', { media: false });
    await client.call('tasks.create', { source: 'promise', name: 'Anna', number: '+35722000000', due: { urgency: 'hot' }, owner: '', note: '', originId: null });
    await expect.poll(() => changed).toEqual(['tasks']);
    detach();
    await core.dispose();
  });

  it('asks for the admin PIN to cancel an export, like the rest of export (it did not before the access policy)', async () => {
    const { client, detach } = connect();
    await expect(client.call('export.cancel', { exportId: 'any' })).rejects.toMatchObject({ code: 'admin-no-pin' });
    detach();
    await core.dispose();
  });

  it('refuses an admin method to a window without the admin PIN, before its handler runs', async () => {
    const { client, detach } = connect();
    await expect(client.call('retention.delete', { days: 1, recordingIds: [] })).rejects.toMatchObject({ code: 'admin-no-pin' });
    expect((await database.db.selectFrom('audit_log').selectAll().execute()).length).toBe(0);
    detach();
    await core.dispose();
  });
});
