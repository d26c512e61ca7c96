import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../shared/clock.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createContactRepository } from './contact-repository.ts';
import { createSqliteCardLookup } from './sqlite-card-lookup.ts';
import { deleteContact } from './delete-contact.ts';

/** Deletion time is what the audit shows: a fixed clock. */
const at = (now: number): Clock => ({ ...systemClock, now: () => now });
const blank = { organization: '', position: '', email: '', category: null, notes: '' };

describe('deleteContact', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('removes the card and its numbers, keeps its calls under the caller’s number, and audits who did it', async () => {
    const clock = at(1_800_000_000_000);
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock, region: () => 'GR' });
    const calls = createCallRepository({ db: database.db });
    const contact = await repo.save({ ...blank, name: 'Δημήτρης', phones: [{ number: '210 1234567', label: '' }, { number: '6001', label: '' }] });
    const other = await repo.save({ ...blank, name: 'Ελένη', phones: [{ number: '6002', label: '' }] });
    for (const [id, contactId] of [['k1', contact.id], ['k2', contact.id], ['k3', other.id]] as const) {
      await calls.insert({ id, direction: 'inbound', remoteNumber: '2101234567', remoteE164: '+302101234567', remoteDisplayName: 'Mobile', contactId, match: 'number', inviteAt: 1000, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    }

    const result = await deleteContact({ db: database.db, clock }, contact.id, 'sip:101@pbx');

    expect(result).toEqual({ callsKept: 2 });
    expect(await repo.get(contact.id)).toBeNull();
    expect((await repo.cardForNumber('210 1234567')).match).toBe('none');
    expect(await repo.save({ ...blank, name: 'New owner', phones: [{ number: '6001', label: '' }] })).toMatchObject({ name: 'New owner' });
    const kept = await calls.list({ filter: 'all', limit: 10 });
    expect(kept.map((c) => [c.id, c.contactId, c.contactName, c.remoteE164, c.remoteDisplayName])).toEqual(
      expect.arrayContaining([
        ['k1', null, null, '+302101234567', 'Mobile'],
        ['k2', null, null, '+302101234567', 'Mobile'],
        ['k3', other.id, 'Ελένη', '+302101234567', 'Mobile'],
      ]),
    );
    const audit = await createAuditLog({ db: database.db, clock }).list(10);
    expect(audit.map(({ id: _id, ...entry }) => entry)).toEqual([
      { at: 1_800_000_000_000, actor: 'sip:101@pbx', action: 'contact-deleted', details: { id: contact.id, name: 'Δημήτρης', phones: ['+302101234567', '6001'], callsKept: 2 } },
    ]);
  });

  it('refuses a contact that no longer exists and audits nothing', async () => {
    const clock = at(1);
    await expect(deleteContact({ db: database.db, clock }, 'gone', 'sip:101@pbx')).rejects.toThrow(/no longer exists/);
    expect(await createAuditLog({ db: database.db, clock }).list(10)).toEqual([]);
  });
});
