import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { createSqliteDeskStore } from './sqlite-desk-store.ts';
import { createSqliteOfficeStore } from './sqlite-office-store.ts';
import { openDatabase, type OpenedDatabase } from './open-database.ts';

const clock: Clock = { now: () => 1_000, setTimeout: () => 0, clearTimeout: () => undefined };

/** The methods each repository's interface names: a store missing one, or a repository, fails. */
const OFFICE_METHODS = {
  contacts: ['cardForNumber', 'get', 'search', 'save', 'capture', 'saveForCall', 'remove', 'importCsv'],
  calls: ['list', 'find', 'agents', 'agentOf', 'anyTaken', 'insert', 'update', 'closeInterrupted', 'wrapUp', 'markMediaLost'],
  transfers: ['insert', 'finish', 'linkConsult'],
  callProgress: ['save', 'load'],
  messages: ['insert', 'receive', 'list', 'pending', 'attempted', 'setStatus', 'unread'],
  tasks: ['find', 'open', 'insert', 'markDone'],
  colleagues: ['list', 'save', 'remove', 'setPresence'],
  scripts: ['all', 'get', 'save', 'delete'],
  scores: ['officeCard', 'call', 'callFacts', 'score', 'rows', 'averages', 'saveOfficeCard', 'removeOfficeCard', 'saveScore'],
  audit: ['record', 'list'],
};
const DESK_METHODS = {
  dialogs: ['remember', 'forget', 'storedBefore'],
  refusedTraffic: ['record', 'summary'],
  adminPin: ['isSet', 'setFirst', 'change', 'replace', 'check'],
  recordingPauses: ['pause', 'resume'],
};

const methodsOf = (store: object) => Object.fromEntries(Object.entries(store).map(([name, repository]) => [name, Object.keys(repository as object).filter((key) => typeof (repository as Record<string, unknown>)[key] === 'function')]));

describe('the SQLite stores', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const office = () => createSqliteOfficeStore({ db: database.db, sqlite: database.sqlite, clock, newId: () => 'id-1', region: () => 'GR', onInvalidScript: () => undefined });

  it('the office store gives every office repository, each with all its methods', () => {
    const methods = methodsOf(office());
    expect(Object.keys(methods).sort()).toEqual(Object.keys(OFFICE_METHODS).sort());
    for (const [name, expected] of Object.entries(OFFICE_METHODS)) expect(methods[name]?.sort(), name).toEqual([...expected].sort());
  });

  it('the desk store gives every desk repository, each with all its methods', () => {
    const methods = methodsOf(createSqliteDeskStore({ db: database.db, clock }));
    expect(Object.keys(methods).sort()).toEqual(Object.keys(DESK_METHODS).sort());
    for (const [name, expected] of Object.entries(DESK_METHODS)) expect(methods[name]?.sort(), name).toEqual([...expected].sort());
  });

  it('the office repositories work on one database: a contact, its call, a call-back task, the audit of a deletion', async () => {
    const store = office();
    const contact = await store.contacts.save({ name: 'Ελένη', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number: '2102222222', label: '' }] });
    await store.calls.insert({ id: 'k1', direction: 'inbound', remoteNumber: '2102222222', remoteE164: '+302102222222', remoteDisplayName: '', contactId: contact.id, match: 'number', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    expect(await store.calls.anyTaken()).toBe(true);
    expect(await store.calls.agents()).toEqual(['sip:101@pbx']);
    expect(await store.calls.agentOf('k1')).toBe('sip:101@pbx');
    expect(await store.calls.agentOf('nope')).toBeNull();
    await store.calls.markMediaLost('k1', 5);
    await store.calls.markMediaLost('k1', 9);
    expect((await database.db.selectFrom('calls').select('media_lost_at').executeTakeFirstOrThrow()).media_lost_at).toBe(5);

    const task = { id: 't1', createdAt: 1, source: 'wrap-up' as const, name: 'Ελένη', number: '+302102222222', dueAt: 50, owner: '', note: '', status: 'open' as const, originId: 'k1', callbackCallId: null, doneAt: null };
    await store.tasks.insert(task);
    expect(await store.tasks.open()).toEqual([task]);
    await store.tasks.markDone('t1', 60, 'k2');
    expect(await store.tasks.find('t1')).toEqual({ ...task, status: 'done', doneAt: 60, callbackCallId: 'k2' });
    expect(await store.tasks.open()).toEqual([]);

    expect(await store.contacts.remove(contact.id, 'sip:101@pbx')).toEqual({ callsKept: 1 });
    expect((await store.audit.list(5)).map((e) => e.action)).toEqual(['contact-deleted']);
  });
});
