import { systemClock } from '../src/shared/clock.ts';
import { createContactRepository } from '../src/main/contacts/contact-repository.ts';
import { openDatabase } from '../src/main/db/open-database.ts';
import { CALLS, CONTACTS, benchmarkDatabase, landline, mobile, stranger } from './screen-pop-database.ts';
import { ms, percentiles } from './percentiles.ts';

/**
 * Screen pop in main: from the caller's number as it arrives in the INVITE to the card data ready
 * (normalize, indexed lookup, contact with phones, last five calls), over a database of
 * 1,000,000 contacts and 5,000,000 calls.
 */
export async function run(log: (line: string) => void): Promise<void> {
  log(`Screen pop in main — ${CONTACTS.toLocaleString('en')} contacts, ${CALLS.toLocaleString('en')} calls`);
  const file = await benchmarkDatabase(log);
  const database = await openDatabase(file);
  const repo = createContactRepository({ db: database.db, clock: systemClock, region: () => 'GR' });

  // Numbers as a PBX sends them: national format for landlines, international for mobiles.
  const lookups = 2000;
  const numbers: { raw: string; known: boolean }[] = [];
  for (let i = 0; i < lookups; i++) {
    const who = (i * 104_729) % CONTACTS;
    if (i % 4 === 3) numbers.push({ raw: stranger(who % 200_000).replace('+30', ''), known: false });
    else if (i % 4 === 2) numbers.push({ raw: mobile(who - (who % 3)).replace('+30', '0030 '), known: true });
    else numbers.push({ raw: landline(who).replace('+30', ''), known: true });
  }
  for (const n of numbers.slice(0, 50)) await repo.cardForNumber(n.raw);

  const samples: number[] = [];
  let matched = 0;
  let withHistory = 0;
  for (const n of numbers) {
    const started = performance.now();
    const card = await repo.cardForNumber(n.raw);
    samples.push(performance.now() - started);
    if ((card.contact !== null) !== n.known) throw new Error(`Wrong match for ${n.raw}`);
    if (card.contact) matched++;
    if (card.recentCalls.length > 0) withHistory++;
  }
  const p = percentiles(samples);
  log(`  ${lookups} lookups (${matched} known, ${lookups - matched} unknown; ${withHistory} with earlier calls)`);
  log(`  INVITE number → card data ready: p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);

  log('  query plans:');
  const plans: [string, string, unknown[]][] = [
    ['phone → contact', 'select contact_id from contact_phones where number = ?', ['+302100000001']],
    ['contact phones', 'select number, label from contact_phones where contact_id = ? order by position', ['x']],
    ['last 5 calls of a contact', 'select id from calls where contact_id = ? order by invite_at desc limit 5', ['x']],
    ['last 5 calls of a number', 'select id from calls where remote_e164 = ? order by invite_at desc limit 5', ['+302300000001']],
  ];
  for (const [label, sql, args] of plans) {
    const rows = database.sqlite.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[];
    log(`    ${label}: ${rows.map((r) => r.detail).join(' | ')}`);
    if (rows.some((r) => /^SCAN (contacts|contact_phones|calls)\b(?! USING)/.test(r.detail))) throw new Error(`Full scan in "${label}"`);
  }
  await database.close();
}
