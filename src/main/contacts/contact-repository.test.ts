import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createContactRepository } from './contact-repository.ts';
import { createSqliteCardLookup } from './sqlite-card-lookup.ts';

const blank = { organization: '', position: '', email: '', category: null, notes: '' };

describe('contact repository', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('pops the card with the last five calls of that contact, newest first', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const calls = createCallRepository({ db: database.db });
    const contact = await repo.save({ ...blank, name: 'Ελένη', phones: [{ number: '210 1234567', label: 'work' }] });
    for (let i = 0; i < 7; i++) {
      await calls.insert({ id: `k${i}`, direction: 'inbound', remoteNumber: '2101234567', remoteE164: '+302101234567', remoteDisplayName: '', contactId: contact.id, match: 'number', inviteAt: 1000 + i, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    }
    const card = await repo.cardForNumber('00302101234567');
    expect(card.contact?.name).toBe('Ελένη');
    expect(card.recentCalls.map((c) => c.id)).toEqual(['k6', 'k5', 'k4', 'k3', 'k2']);
  });

  it('gives an unknown caller an empty card with the normalized number and that number\'s calls', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const calls = createCallRepository({ db: database.db });
    await calls.insert({ id: 'k1', direction: 'inbound', remoteNumber: '2107654321', remoteE164: '+302107654321', remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 5, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    const card = await repo.cardForNumber('210 765 4321');
    expect(card).toMatchObject({ match: 'none', number: '+302107654321', contact: null });
    expect(card.recentCalls).toHaveLength(1);
  });

  it('refuses a number that already belongs to someone else, naming them', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    await repo.save({ ...blank, name: 'Ελένη', phones: [{ number: '6001', label: '' }] });
    await expect(repo.save({ ...blank, name: 'Other', phones: [{ number: '6001', label: '' }] })).rejects.toThrow(/already belongs to Ελένη/);
  });

  it('finds a contact by a name or organization holding _ or %, and such a search matches only those characters', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const underscore = await repo.save({ ...blank, name: 'Nikos', organization: 'Stock_Market', phones: [{ number: '6001', label: '' }] });
    const percent = await repo.save({ ...blank, name: 'Sale 50% Off', phones: [{ number: '6002', label: '' }] });
    await repo.save({ ...blank, name: 'Stockxmarket', phones: [{ number: '6003', label: '' }] });
    expect((await repo.search('stock_m', 10)).map((c) => c.id)).toEqual([underscore.id]);
    expect((await repo.search('50%', 10)).map((c) => c.id)).toEqual([percent.id]);
  });

  it('updates a contact and its phones', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const created = await repo.save({ ...blank, name: 'Anna', phones: [{ number: '6001', label: '' }] });
    const updated = await repo.save({ ...blank, id: created.id, name: 'Anna K.', category: 'A', phones: [{ number: '6002', label: 'desk' }] });
    expect(updated).toMatchObject({ id: created.id, name: 'Anna K.', category: 'A', phones: [{ number: '6002', label: 'desk' }] });
    expect((await repo.cardForNumber('6001')).contact).toBeNull();
  });

  it('captures script answers into the card, leaving them when the form saves', async () => {
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'RU' });
    const contact = await repo.save({ ...blank, name: 'Ольга', phones: [{ number: '+79161234567', label: '' }] });
    await repo.capture(contact.id, 'budget', ' 5 000 € ');
    await repo.capture(contact.id, 'temperature', 'hot');
    await repo.capture(contact.id, 'category', 'B');
    const captured = await repo.capture(contact.id, 'name', 'Ольга Петровна');
    expect(captured).toMatchObject({ name: 'Ольга Петровна', category: 'B', profile: { budget: '5 000 €', temperature: 'hot', source: '' } });
    expect((await repo.search('петровна', 5)).map((c) => c.id)).toEqual([contact.id]);
    expect((await repo.capture(contact.id, 'temperature', 'lukewarm'))?.profile.temperature).toBeNull();
    const saved = await repo.save({ ...blank, id: contact.id, name: 'Ольга Петровна', category: 'B', phones: [{ number: '+79161234567', label: '' }] });
    expect(saved.profile.budget).toBe('5 000 €');
    expect(await repo.capture('no-such-contact', 'budget', '1')).toBeNull();
  });
});
