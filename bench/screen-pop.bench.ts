import { systemClock } from '../src/shared/clock.ts';
import { normalizePhoneNumber } from '../src/shared/contacts/phone-number.ts';
import { createContactRepository } from '../src/main/contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../src/main/contacts/sqlite-card-lookup.ts';
import { openDatabase } from '../src/main/db/open-database.ts';
import { createScreenPopAnchor } from './screen-pop-anchor.ts';
import { CALLS, CONTACTS, benchmarkDatabase, landline, mobile, stranger } from './screen-pop-database.ts';
import { ms, percentiles } from './percentiles.ts';

const LOOKUPS = 2000;
const WARM_UP = 200;

/**
 * Screen pop in main: from the caller's number as it arrives in the INVITE to the card data ready
 * (normalize, indexed lookup, contact with phones, last five calls), over a database of
 * 1,000,000 contacts and 5,000,000 calls. The anchor, in the same process and interleaved with it
 * (which goes first alternates), is raw better-sqlite3 doing the same indexed queries with
 * statements prepared once on the number already normalized (screen-pop-anchor.ts).
 */
export async function run(log: (line: string) => void): Promise<void> {
  log(`Screen pop in main — ${CONTACTS.toLocaleString('en')} contacts, ${CALLS.toLocaleString('en')} calls`);
  const file = await benchmarkDatabase(log);
  const database = await openDatabase(file);
  const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
  const anchor = createScreenPopAnchor(database.sqlite);

  // Numbers as a PBX sends them: national format for landlines, international for mobiles.
  const numbers: { raw: string; normalized: string; known: boolean }[] = [];
  for (let i = 0; i < LOOKUPS + WARM_UP; i++) {
    const who = (i * 104_729) % CONTACTS;
    const [raw, known] =
      i % 4 === 3 ? [stranger(who % 200_000).replace('+30', ''), false]
      : i % 4 === 2 ? [mobile(who - (who % 3)).replace('+30', '0030 '), true]
      : [landline(who).replace('+30', ''), true];
    numbers.push({ raw, normalized: normalizePhoneNumber(raw, 'GR').number, known });
  }

  const samples = { ringside: [] as number[], anchor: [] as number[], normalize: [] as number[] };
  let matched = 0;
  let withHistory = 0;
  for (const [i, n] of numbers.entries()) {
    const measured = i >= WARM_UP;
    const ringside = async () => {
      const started = performance.now();
      const card = await repo.cardForNumber(n.raw);
      const took = performance.now() - started;
      if ((card.contact !== null) !== n.known) throw new Error(`Wrong match for ${n.raw}`);
      if (measured) samples.ringside.push(took);
      return card;
    };
    const raw = () => {
      const started = performance.now();
      const rows = anchor(n.normalized);
      if (measured) samples.anchor.push(performance.now() - started);
      return rows;
    };
    const rowsFirst = i % 2 === 1 ? raw() : null;
    const card = await ringside();
    const rows = rowsFirst ?? raw();
    if (card.contact?.id !== (rows.contact?.id ?? undefined) || card.recentCalls.map((c) => c.id).join() !== rows.calls.map((c) => c.id).join()) {
      throw new Error(`Ringside and the anchor disagree on ${n.raw}`);
    }
    const started = performance.now();
    normalizePhoneNumber(n.raw, 'GR');
    if (measured) samples.normalize.push(performance.now() - started);
    if (!measured) continue;
    if (card.contact) matched++;
    if (card.recentCalls.length > 0) withHistory++;
  }
  const p = percentiles(samples.ringside);
  const a = percentiles(samples.anchor);
  const norm = percentiles(samples.normalize);
  const ratio = (ours: number, floor: number) => `${(ours / floor).toFixed(2)}×`;
  log(`  ${LOOKUPS} lookups after ${WARM_UP}, interleaved (${matched} known, ${LOOKUPS - matched} unknown; ${withHistory} with earlier calls)`);
  log(`  INVITE number → card data ready: p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);
  log(`  anchor, raw prepared statements: p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  p99 ${ms(a.p99)}  max ${ms(a.max)}`);
  log(`  ratio to the anchor: p50 ${ratio(p.p50, a.p50)}  p95 ${ratio(p.p95, a.p95)}  p99 ${ratio(p.p99, a.p99)}  (aim ≤ 1.5× at p50 and p95, p99 ≤ 1 ms)`);
  log(`  of which normalizing the number (libphonenumber, not in the anchor): p50 ${ms(norm.p50)}  p95 ${ms(norm.p95)}  p99 ${ms(norm.p99)}`);

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
