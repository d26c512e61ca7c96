import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createAdminPin } from './admin-pin.ts';

describe('admin PIN', () => {
  let database: OpenedDatabase;
  let now: number;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  beforeEach(async () => {
    now = 1_000_000;
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('is set once, then checked, and never stored as typed', async () => {
    const pin = createAdminPin({ db: database.db, clock });
    expect(await pin.isSet()).toBe(false);
    await expect(pin.check('1234')).rejects.toThrow(/No admin PIN/);
    await pin.setFirst('482916');
    await expect(pin.setFirst('111111')).rejects.toThrow(/already set/);
    expect(await pin.isSet()).toBe(true);
    await expect(pin.check('482916')).resolves.toBeUndefined();
    await expect(pin.check('482917')).rejects.toThrow('Wrong admin PIN.');
    const row = await database.db.selectFrom('admin_pin').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('482916');
  });

  it('refuses a PIN that is not 4–12 digits', async () => {
    const pin = createAdminPin({ db: database.db, clock });
    await expect(pin.setFirst('12a4')).rejects.toThrow('4 to 12 digits');
    await expect(pin.replace('123')).rejects.toThrow('4 to 12 digits');
    expect(await pin.isSet()).toBe(false);
  });

  it('changes only with the current PIN', async () => {
    const pin = createAdminPin({ db: database.db, clock });
    await expect(pin.change('2222', '1111')).rejects.toThrow(/No admin PIN/);
    await pin.setFirst('1111');
    await expect(pin.change('2222', '9999')).rejects.toThrow('Wrong admin PIN.');
    await pin.change('2222', '1111');
    await expect(pin.check('2222')).resolves.toBeUndefined();
    await expect(pin.check('1111')).rejects.toThrow('Wrong admin PIN.');
  });

  it('is replaced without the current one only through replace (the command line)', async () => {
    const pin = createAdminPin({ db: database.db, clock });
    expect(await pin.replace('1111')).toBe('set');
    expect(await pin.replace('2222')).toBe('changed');
    await expect(pin.check('2222')).resolves.toBeUndefined();
  });

  it('locks out guessing for a minute after five wrong PINs, even for the right one', async () => {
    const pin = createAdminPin({ db: database.db, clock });
    await pin.setFirst('1111');
    for (let i = 0; i < 5; i++) await expect(pin.check('0000')).rejects.toThrow('Wrong admin PIN.');
    await expect(pin.check('1111')).rejects.toThrow(/Too many wrong PINs. Try again in 60 s/);
    now += 59_000;
    await expect(pin.check('1111')).rejects.toThrow(/Try again in 1 s/);
    now += 1_000;
    await expect(pin.check('1111')).resolves.toBeUndefined();
  });
});
