import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import { createKeptWrites } from './kept-writes.ts';

const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('writes kept while the disk is full', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps refused writes in order, writes later ones after them, and saves all once there is space', async () => {
    let full = true;
    const written: string[] = [];
    const write = (name: string) => () => (full ? Promise.reject(diskFull()) : Promise.resolve(void written.push(name)));
    const kept = createKeptWrites({ clock: systemClock, log });
    expect(await kept.write('call', write('call'))).toBe('kept');
    expect(await kept.write('answered', write('answered'))).toBe('kept');
    expect(kept.pending()).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toEqual([]);
    full = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toEqual(['call', 'answered']);
    expect(kept.pending()).toBe(0);
    expect(await kept.write('ended', write('ended'))).toBe('written');
    expect(written).toEqual(['call', 'answered', 'ended']);
    kept.dispose();
  });

  it('says when it starts keeping writes and when all are saved', async () => {
    let full = true;
    const events: string[] = [];
    const kept = createKeptWrites({ clock: systemClock, log, onKeeping: () => events.push('keeping'), onSaved: () => events.push('saved') });
    const write = () => (full ? Promise.reject(diskFull()) : Promise.resolve());
    await kept.write('call', write);
    await kept.write('answered', write);
    expect(events).toEqual(['keeping']);
    full = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events).toEqual(['keeping', 'saved']);
    kept.dispose();
  });

  it('a later write waits behind the kept ones even when it alone would fit', async () => {
    let full = true;
    const written: string[] = [];
    const kept = createKeptWrites({ clock: systemClock, log });
    await kept.write('call', () => (full ? Promise.reject(diskFull()) : Promise.resolve(void written.push('call'))));
    expect(await kept.write('recording', () => Promise.resolve(void written.push('recording')))).toBe('kept');
    expect(written).toEqual([]);
    full = false;
    expect(await kept.flush()).toBe(true);
    expect(written).toEqual(['call', 'recording']);
    kept.dispose();
  });

  it('lets any other failure through at once, keeping nothing', async () => {
    const kept = createKeptWrites({ clock: systemClock, log });
    await expect(kept.write('bad', () => Promise.reject(new Error('FOREIGN KEY constraint failed')))).rejects.toThrow('FOREIGN KEY');
    expect(kept.pending()).toBe(0);
    kept.dispose();
  });
});
