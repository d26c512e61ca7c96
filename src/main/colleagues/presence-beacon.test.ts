import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { PresenceBeacon } from '../../shared/ipc/colleagues.ts';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createColleagueDirectory } from './colleague-directory.ts';
import { PresenceBeacons } from './presence-beacon.ts';


describe('presence beacons', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    database = await openDatabase(':memory:');
  });
  afterEach(async () => {
    vi.useRealTimers();
    await database.close();
  });

  it('tells colleagues this desk’s status on change and every minute, hears theirs, and marks the unreachable and the silent offline', async () => {
    let n = 0;
    const directory = createColleagueDirectory({ db: database.db, newId: () => `c${++n}` });
    await directory.save({ id: null, name: 'Nikos', extension: '102', role: 'Sales', handles: 'quotes' });
    await directory.save({ id: null, name: 'Eleni', extension: '103', role: '', handles: '' });
    const sent: [string, PresenceBeacon][] = [];
    let status: PresenceBeacon['status'] = 'available';
    const beacons = new PresenceBeacons({
      clock: systemClock,
      log: silentLog,
      directory,
      me: () => ({ extension: '101', status }),
      send: (extension, beacon) => {
        sent.push([extension, beacon]);
        return extension === '103' ? Promise.reject(new Error('404 Not Found')) : Promise.resolve();
      },
      onChanged: () => {},
    });
    beacons.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(([to, b]) => `${to}:${b.status}`).sort()).toEqual(['102:available', '103:available']);
    const presence = async () => Object.fromEntries((await directory.list()).map((c) => [c.extension, c.presence]));
    expect(await presence()).toEqual({ '102': 'unknown', '103': 'offline' });

    beacons.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    status = 'on-call';
    beacons.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.slice(2).map(([to, b]) => `${to}:${b.status}`).sort()).toEqual(['102:on-call', '103:on-call']);

    expect(await beacons.receive(JSON.stringify({ extension: '102', status: 'away' }))).toBe(true);
    expect(await beacons.receive(JSON.stringify({ extension: '999', status: 'away' }))).toBe(false);
    expect(await beacons.receive('<presence/>')).toBe(false);
    expect((await presence())['102']).toBe('away');

    // Nikos falls silent: after two and a half minutes without a word he shows as offline.
    await vi.advanceTimersByTimeAsync(180_000);
    expect((await presence())['102']).toBe('offline');
    expect(sent.filter(([to]) => to === '102').length).toBeGreaterThanOrEqual(4);
    await beacons.farewell();
    expect(sent.at(-1)?.[1].status).toBe('offline');
  });
});
