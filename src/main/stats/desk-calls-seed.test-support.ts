import type { Kysely } from 'kysely';
import type { CallOutcome } from '../../shared/ipc/calls.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

export const ATHENS = 'Europe/Athens';
export const HOUR = 3_600_000;
/** Thursday 22 October 2026 00:00 in Athens; summer time ends on Sunday the 25th. */
export const START = Date.UTC(2026, 9, 21, 21);

/**
 * For the statistics tests: a call every 5 hours for 11 days from START, two agents, calls on both
 * sides of every midnight and of the DST change, with outcomes, holds, transfers and a lead source.
 */
export async function seedDeskCalls(db: Kysely<DatabaseSchema>) {
  const calls = createCallRepository({ db });
  // The seed only writes contacts; it has no screen pop to look up.
  const contacts = createContactRepository({ db, cards: { find: () => Promise.reject(new Error('The statistics seed looks up no cards')) }, clock: { now: () => 1, setTimeout: () => 0, clearTimeout: () => undefined }, region: () => 'GR' });
  const web = await contacts.save({ name: 'Ελένη', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number: '2102222222', label: '' }] });
  await contacts.capture(web.id, 'source', 'Website');
  const outcomes: (CallOutcome | null)[] = ['sold', 'offer-sent', 'meeting-booked', 'deferred', 'not-a-target', null];
  let n = 0;
  for (let at = START + HOUR; at < START + 11 * 24 * HOUR; at += 5 * HOUR) {
    const id = `k${++n}`;
    await calls.insert({ id, direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: n % 3 === 0 ? web.id : null, match: 'none', inviteAt: at, sipCallId: '', practice: n % 17 === 0, agent: n % 2 ? 'sip:101@pbx' : 'sip:102@pbx' });
    const answered = n % 4 !== 0;
    await calls.update(id, { status: answered ? 'answered' : 'missed', rings: 1 + (n % 6), answerMs: answered ? 2000 + n * 300 : null, durationMs: answered ? 60_000 + n : null, holdMs: n % 5 === 0 ? 20_000 : 0 });
    const outcome = outcomes[n % outcomes.length];
    if (answered && outcome) await calls.wrapUp({ callId: id, outcome, nextStepAt: null, nextStepWhat: '', nextStepWho: '', notes: '' }, at);
    if (n % 7 === 0) await db.insertInto('transfers').values({ id: `t${n}`, call_id: id, at, kind: 'blind', from_agent: '', target: '203', note: '', result: 'completed', detail: '', ended_at: null }).execute();
  }
  return { calls, contacts, web };
}
