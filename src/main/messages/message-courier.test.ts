import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { MessageInput } from '../../shared/ipc/messages.ts';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { MessageCourier } from './message-courier.ts';
import { createMessageStore } from './message-store.ts';

const input: MessageInput = { toExtension: '102', toName: 'Nikos', callerName: 'Ольга', organization: '', phone: '8 (495) 123-45-67', callBackAt: null, text: 'Перезвоните, пожалуйста.', urgency: 'normal', mood: 'calm', callId: null };

describe('MessageCourier', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    database = await openDatabase(':memory:');
  });
  afterEach(async () => {
    vi.useRealTimers();
    await database.close();
  });

  function setup(send: (to: string, body: string) => Promise<void>) {
    const store = createMessageStore({ db: database.db });
    const received: string[] = [];
    let n = 0;
    const courier = new MessageCourier({
      clock: systemClock,
      log: silentLog,
      store,
      newId: () => `0190a1b2-c3d4-7e5f-8a9b-00000000000${n++}`,
      me: () => ({ extension: '101', name: 'Reception' }),
      region: () => 'RU',
      send,
      onChanged: () => {},
      onReceived: (m) => received.push(m.id),
    });
    return { courier, store, received };
  }

  it('keeps a message the colleague cannot take as pending, retries with growing pauses, and delivers it when they are back', async () => {
    let online = false;
    const attempts: number[] = [];
    const { courier, store } = setup((to) => {
      attempts.push(Date.now());
      return online ? Promise.resolve() : Promise.reject(new Error(`404 Not Found (${to})`));
    });
    courier.start();
    const taken = await courier.take(input);
    expect(taken.phone).toBe('+74951234567');
    expect((await store.list('sent', 10))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: '404 Not Found (102)' });
    await vi.advanceTimersByTimeAsync(5000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts.map((t) => t - attempts[0]!)).toEqual([0, 5000, 15_000]);
    online = true;
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await store.list('sent', 10))[0]).toMatchObject({ status: 'delivered', statusBy: 'Nikos' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toHaveLength(4);
    courier.dispose();
  });

  it('stores a received message once, as text only, and refuses what is not a Ringside message', async () => {
    const { courier, store, received } = setup(() => Promise.resolve());
    const wire = { ...input, phone: '+7 (495) 123-45-67', callId: undefined, id: '0190a1b2-c3d4-7e5f-8a9b-0000000000aa', fromExtension: '103', fromName: 'Evil\u202E name', createdAt: 1, text: 'line 1\u0007\nline 2' };
    expect(await courier.receive(JSON.stringify(wire))).toBe(true);
    expect(await courier.receive(JSON.stringify(wire))).toBe(true);
    expect(await courier.receive('{"id": 1}')).toBe(false);
    expect(await courier.receive('not json')).toBe(false);
    const inbox = await store.list('received', 10);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ status: 'new', fromName: 'Evil name', text: 'line 1\nline 2', phone: '+74951234567' });
    expect(received).toEqual([wire.id]);
    expect(await store.unread()).toBe(1);
  });
});
