import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createContactRepository } from './contact-repository.ts';
import { createSqliteCardLookup } from './sqlite-card-lookup.ts';

const blank = { name: '', organization: '', position: '', email: '', category: null, notes: '' };

describe('a new caller\'s card saved as it is typed during the call', () => {
  let dir: string;
  let database: OpenedDatabase;
  const open = async () => {
    database = await openDatabase(join(dir, 'ringside.sqlite'));
    return {
      contacts: createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' }),
      calls: createCallRepository({ db: database.db }),
    };
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-call-card-'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first save creates the contact and links the call; the next update it; the card is on disk at once', async () => {
    const { contacts, calls } = await open();
    await calls.insert({ id: 'c1', direction: 'inbound', remoteNumber: '2107654321', remoteE164: '+302107654321', remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    const phones = [{ number: '+302107654321', label: '' }];
    const first = await contacts.saveForCall('c1', { ...blank, name: 'Νικ', phones }, {});
    const second = await contacts.saveForCall('c1', { ...blank, name: 'Νίκος Ρήγας', organization: 'Ρήγας ΑΕ', phones }, { budget: '3 000 €', temperature: 'warm', name: 'ignored: the form has the name' });
    expect(second.id).toBe(first.id);
    await database.close();

    const reopened = await open();
    expect((await reopened.calls.find('c1'))?.contactId).toBe(first.id);
    const card = await reopened.contacts.cardForNumber('210 765 4321');
    expect(card.contact).toMatchObject({ id: first.id, name: 'Νίκος Ρήγας', organization: 'Ρήγας ΑΕ', profile: { budget: '3 000 €', temperature: 'warm' } });
    expect(await reopened.contacts.search('', 10)).toHaveLength(1);
  });

  it('keeps the card linked to the call even without the caller\'s number on it', async () => {
    const { contacts, calls } = await open();
    await calls.insert({ id: 'c2', direction: 'inbound', remoteNumber: 'anonymous', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    const first = await contacts.saveForCall('c2', { ...blank, name: 'Άγνωστη', phones: [] }, {});
    const second = await contacts.saveForCall('c2', { ...blank, name: 'Άγνωστη κυρία', phones: [] }, {});
    expect(second).toMatchObject({ id: first.id, name: 'Άγνωστη κυρία' });
  });

  it('refuses a call that is not in the history', async () => {
    const { contacts } = await open();
    await expect(contacts.saveForCall('nope', { ...blank, name: 'X', phones: [] }, {})).rejects.toThrow('This call is not in the history.');
    expect(await contacts.search('', 10)).toEqual([]);
  });
});
