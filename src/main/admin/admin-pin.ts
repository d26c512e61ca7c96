import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { adminPinSchema } from '../../shared/ipc/admin.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** After this many wrong PINs in a row, every attempt waits out the lockout. */
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

export interface AdminPin {
  isSet(): Promise<boolean>;
  /** The first PIN; refused once one is set. Who may call this is decided by the caller (decision 0016). */
  setFirst(pin: string): Promise<void>;
  /** A new PIN, given the current one. */
  change(pin: string, currentPin: string): Promise<void>;
  /** A new PIN without the current one: only for the command line, run by whoever holds the data folder. */
  replace(pin: string): Promise<'set' | 'changed'>;
  /** Throws a clear error for a wrong PIN, and refuses guessing after repeated failures. */
  check(pin: string): Promise<void>;
}

/** The admin PIN, kept as a salted scrypt hash in SQLite: a copied database does not reveal it. */
export function createAdminPin(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): AdminPin {
  let failures = 0;
  let lockedUntil = 0;
  const stored = () => deps.db.selectFrom('admin_pin').select(['hash', 'salt']).where('id', '=', 1).executeTakeFirst();
  const save = async (newPin: string) => {
    const parsed = adminPinSchema.safeParse(newPin);
    if (!parsed.success) throw new RpcError('bad-pin', parsed.error.issues[0]?.message ?? 'The admin PIN is 4 to 12 digits.');
    const salt = randomBytes(16).toString('hex');
    const hash = (await hashPin(newPin, salt)).toString('hex');
    await deps.db
      .insertInto('admin_pin')
      .values({ id: 1, hash, salt, set_at: deps.clock.now() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ hash, salt, set_at: deps.clock.now() }))
      .execute();
  };

  const pin: AdminPin = {
    async isSet() {
      return (await stored()) !== undefined;
    },
    async setFirst(newPin) {
      if (await stored()) throw new RpcError('pin-already-set', 'An admin PIN is already set: change it under Admin, with the current PIN.');
      await save(newPin);
    },
    async change(newPin, currentPin) {
      await pin.check(currentPin);
      await save(newPin);
    },
    async replace(newPin) {
      const existed = (await stored()) !== undefined;
      await save(newPin);
      return existed ? 'changed' : 'set';
    },
    async check(given) {
      const now = deps.clock.now();
      if (now < lockedUntil) {
        throw new RpcError('pin-locked', `Too many wrong PINs. Try again in ${Math.ceil((lockedUntil - now) / 1000)} s.`, { seconds: Math.ceil((lockedUntil - now) / 1000) });
      }
      const existing = await stored();
      if (!existing) throw new RpcError('no-pin', 'No admin PIN is set yet: it is set in the set-up guide of a new desk, or with npm run set-admin-pin.');
      const hash = await hashPin(given, existing.salt);
      const expected = Buffer.from(existing.hash, 'hex');
      if (hash.length === expected.length && timingSafeEqual(hash, expected)) {
        failures = 0;
        return;
      }
      failures++;
      if (failures >= MAX_FAILURES) {
        failures = 0;
        lockedUntil = now + LOCKOUT_MS;
      }
      throw new RpcError('wrong-pin', 'Wrong admin PIN.');
    },
  };
  return pin;
}

function hashPin(pin: string, salt: string): Promise<Buffer> {
  return new Promise((done, fail) => scrypt(pin, salt, 32, (error, key) => (error ? fail(error) : done(key))));
}
