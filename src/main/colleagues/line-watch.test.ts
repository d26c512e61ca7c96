import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import { LineWatch, RESUBSCRIBE_MS } from './line-watch.ts';

const body = (version: number, dialogs: [id: string, state: string, direction?: string][], state = 'full') =>
  `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="${state}" entity="sip:x@pbx">${dialogs
    .map(([id, s, d = 'recipient']) => `<dialog id="${id}" direction="${d}"><state>${s}</state></dialog>`)
    .join('')}</dialog-info>`;

/** A phone connection whose subscriptions the test drives. */
function fakePhone() {
  const subscriptions: { extension: string; onNotify(body: string): void; onEnded(): void; cancelled: boolean; end(): void }[] = [];
  return {
    subscriptions,
    live: (extension: string) => subscriptions.filter((s) => s.extension === extension && !s.cancelled),
    subscribe(extension: string, handlers: { onNotify(body: string): void; onEnded(): void }) {
      const subscription = {
        extension,
        ...handlers,
        cancelled: false,
        /** The PBX ends it. */
        end() {
          subscription.cancelled = true;
          handlers.onEnded();
        },
      };
      subscriptions.push(subscription);
      return { cancel: () => (subscription.cancelled = true) };
    },
  };
}

describe('busy lamps (dialog-event subscriptions per colleague)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('follows a colleague’s line through ringing, a call and its end, and knows nothing until told', () => {
    const phone = fakePhone();
    const changed = vi.fn();
    const watch = new LineWatch({ clock: systemClock, log: silentLog, subscribe: (e, h) => phone.subscribe(e, h), onChanged: changed });
    watch.start(['102', '103']);
    expect(phone.subscriptions.map((s) => s.extension)).toEqual(['102', '103']);
    expect(watch.lineOf('102')).toBeNull();

    const [nikos] = phone.live('102');
    nikos!.onNotify('');
    expect(watch.lineOf('102')).toBe('idle');
    nikos!.onNotify(body(1, [['d1', 'early']]));
    expect(watch.lineOf('102')).toBe('ringing');
    nikos!.onNotify(body(2, [['d1', 'confirmed']]));
    expect(watch.lineOf('102')).toBe('busy');
    nikos!.onNotify(body(3, [['d1', 'terminated']]));
    expect(watch.lineOf('102')).toBe('idle');
    expect(changed).toHaveBeenCalledTimes(4);
    // Garbage changes nothing.
    nikos!.onNotify('<html>');
    expect(watch.lineOf('102')).toBe('idle');
    expect(watch.lineOf('103')).toBeNull();
  });

  it('merges partial updates in version order and subscribes again after a gap', () => {
    const phone = fakePhone();
    const watch = new LineWatch({ clock: systemClock, log: silentLog, subscribe: (e, h) => phone.subscribe(e, h), onChanged: () => undefined });
    watch.start(['102']);
    const first = phone.live('102')[0]!;
    first.onNotify(body(5, [['d1', 'confirmed']]));
    first.onNotify(body(6, [['d2', 'early']], 'partial'));
    first.onNotify(body(7, [['d1', 'terminated']], 'partial'));
    expect(watch.lineOf('102')).toBe('ringing');
    first.onNotify(body(9, [['d2', 'terminated']], 'partial'));
    expect(first.cancelled).toBe(true);
    expect(phone.live('102')).toHaveLength(1);
    expect(watch.lineOf('102')).toBeNull();
  });

  it('takes a subscription that ends before any NOTIFY as "no busy lamps here" and does not pester the PBX', () => {
    const phone = fakePhone();
    const watch = new LineWatch({ clock: systemClock, log: silentLog, subscribe: (e, h) => phone.subscribe(e, h), onChanged: () => undefined });
    watch.start(['102']);
    phone.live('102')[0]!.end();
    vi.advanceTimersByTime(10 * RESUBSCRIBE_MS);
    expect(phone.subscriptions).toHaveLength(1);
    expect(watch.lineOf('102')).toBeNull();
    // A directory change (or a reconnect) asks again.
    watch.sync(['102']);
    expect(phone.subscriptions).toHaveLength(2);
  });

  it('asks again 30 s after a working subscription ends, forgets the line meanwhile, and stops with the connection', () => {
    const phone = fakePhone();
    const changed = vi.fn();
    const watch = new LineWatch({ clock: systemClock, log: silentLog, subscribe: (e, h) => phone.subscribe(e, h), onChanged: changed });
    watch.start(['102', '103']);
    const first = phone.live('102')[0]!;
    first.onNotify(body(1, [['d1', 'confirmed']]));
    first.end();
    expect(watch.lineOf('102')).toBeNull();
    vi.advanceTimersByTime(RESUBSCRIBE_MS - 1);
    expect(phone.subscriptions.filter((s) => s.extension === '102')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = phone.live('102')[0]!;
    expect(second).not.toBe(first);
    second.onNotify(body(1, [['d9', 'confirmed']]));
    expect(watch.lineOf('102')).toBe('busy');

    // A colleague removed from the directory is no longer watched.
    watch.sync(['102']);
    expect(phone.live('103')).toHaveLength(0);

    changed.mockClear();
    watch.stop();
    expect(phone.live('102')).toHaveLength(0);
    expect(watch.lineOf('102')).toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
    // Late events from cancelled subscriptions are ignored.
    second.onNotify(body(2, [['d9', 'confirmed']]));
    expect(watch.lineOf('102')).toBeNull();
    watch.sync(['102', '104']);
    expect(phone.live('104')).toHaveLength(0);
  });
});
