import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import { systemClock } from '../../shared/clock.ts';
import type { ClientCard } from '../../shared/ipc/contacts.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createContactRepository, loadContact } from './contact-repository.ts';
import { createSqliteCardLookup } from './sqlite-card-lookup.ts';

const blank = { organization: '', position: '', email: '', category: null, notes: '' };

/** The card as the repository built it with Kysely before the statements were prepared once: the reference. */
async function cardByKysely(db: Kysely<DatabaseSchema>, number: string): Promise<Pick<ClientCard, 'contact' | 'recentCalls'>> {
  const phone = await db.selectFrom('contact_phones').select('contact_id').where('number', '=', number).executeTakeFirst();
  const contact = phone ? await loadContact(db, phone.contact_id) : null;
  const recent = db
    .selectFrom('calls')
    .select(['id', 'direction', 'status', 'invite_at', 'duration_ms'])
    .select((eb) => eb.exists(eb.selectFrom('recordings').select('recordings.id').whereRef('recordings.call_id', '=', 'calls.id').where('recordings.status', 'in', ['final', 'recovered'])).as('recorded'))
    .orderBy('invite_at', 'desc')
    .limit(5);
  const rows = contact ? await recent.where('contact_id', '=', contact.id).execute() : await recent.where('remote_e164', '=', number).execute();
  return { contact, recentCalls: rows.map((r) => ({ id: r.id, direction: r.direction, status: r.status, inviteAt: Number(r.invite_at), durationMs: r.duration_ms, recorded: Boolean(r.recorded) })) };
}

describe('the screen pop on SQLite', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const repository = () => createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });

  /** Two contacts (one with three phones and a captured profile), their calls and a stranger's, recordings finished, recovered and still recording. */
  async function seed() {
    const repo = repository();
    const calls = createCallRepository({ db: database.db });
    const eleni = await repo.save({ ...blank, name: 'Ελένη', organization: 'Ωμέγα ΑΕ', category: 'A', notes: 'two\nlines', phones: [{ number: '210 1234567', label: 'work' }, { number: '6941234567', label: 'mobile' }, { number: '2002', label: 'desk' }] });
    await repo.capture(eleni.id, 'budget', '5 000 €');
    await repo.capture(eleni.id, 'temperature', 'warm');
    const nikos = await repo.save({ ...blank, name: 'Νίκος', phones: [{ number: '2107654321', label: '' }] });
    const states = ['final', 'recovered', 'recording', 'final'] as const;
    for (let i = 0; i < 9; i++) {
      const [contactId, e164] = i % 3 === 0 ? [eleni.id, '+302101234567'] : i % 3 === 1 ? [nikos.id, '+302107654321'] : [null, '+302109999999'];
      await calls.insert({ id: `k${i}`, direction: i % 2 ? 'outbound' : 'inbound', remoteNumber: e164, remoteE164: e164, remoteDisplayName: '', contactId, match: contactId ? 'number' : 'none', inviteAt: 1000 + i * 7, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
      if (i % 2 === 0) await calls.update(`k${i}`, { status: 'answered', durationMs: 60_000 + i });
      await database.db.insertInto('recordings').values({ id: `r${i}`, call_id: `k${i}`, file: `k${i}.webm`, mime_type: 'audio/webm', status: states[i % 4] ?? 'recording', started_at: 1000 + i, bytes: 0, chunks: 0 }).execute();
    }
    for (let i = 0; i < 7; i++) await calls.insert({ id: `n${i}`, direction: 'inbound', remoteNumber: '2107654321', remoteE164: '+302107654321', remoteDisplayName: '', contactId: nikos.id, match: 'number', inviteAt: 2000 + i, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    return repo;
  }

  it('gives the same cards as the Kysely queries it replaced: contacts with phones in order and profile, last five calls, recordings, strangers, nobody', async () => {
    const repo = await seed();
    const numbers = ['210 1234567', '+30 694 123 4567', '2002', '2107654321', '2109999999', '2100000000', '99'];
    for (const raw of numbers) {
      const card = await repo.cardForNumber(raw);
      expect(card, raw).toEqual({ match: card.contact ? 'number' : 'none', number: card.number, ...(await cardByKysely(database.db, card.number)) });
    }
    const eleni = await repo.cardForNumber('2101234567');
    expect(eleni.contact?.phones.map((p) => p.label)).toEqual(['work', 'mobile', 'desk']);
    expect(eleni.recentCalls.map((c) => [c.id, c.recorded])).toEqual([['k6', false], ['k3', true], ['k0', true]]);
    expect((await repo.cardForNumber('2109999999')).recentCalls.map((c) => [c.id, c.recorded])).toEqual([['k8', true], ['k5', true], ['k2', false]]);
    expect((await repo.cardForNumber('2107654321')).recentCalls).toHaveLength(5);
  });

  it('prepares its statements once, when built: lookups prepare nothing', async () => {
    const repo = await seed();
    const prepare = vi.spyOn(database.sqlite, 'prepare');
    for (const raw of ['210 1234567', '2109999999', '2100000000', '210 1234567']) await repo.cardForNumber(raw);
    expect(prepare).not.toHaveBeenCalled();
  });

  it('does not read a contact a Kysely transaction has written but not yet committed: it waits, and the rolled-back contact is not there', async () => {
    const repo = repository();
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => (written = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('contacts').values({ id: 'c1', name: 'Ghost', organization: '', position: '', email: '', category: null, notes: '', search_text: 'ghost', created_at: 1, updated_at: 1 }).execute();
      await trx.insertInto('contact_phones').values({ id: 'p1', contact_id: 'c1', number: '+302101111111', label: '', position: 0 }).execute();
      written();
      await held;
      throw new Error('rolled back');
    });
    await inserted;
    const card = repo.cardForNumber('2101111111');
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await card).toMatchObject({ match: 'none', contact: null });
  });
});
