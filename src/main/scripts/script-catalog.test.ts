import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import type { CallScript } from '../../shared/scripts/call-script.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createCustomScripts } from './custom-scripts.ts';
import { createScriptCatalog } from './script-catalog.ts';
import { loadScriptLibrary } from './script-library.ts';

const resources = resolve(import.meta.dirname, '../../../resources/scripts');
const shippedSales = JSON.parse(readFileSync(resolve(resources, 'inbound-sales.en.json'), 'utf8')) as CallScript;

describe('script catalog', () => {
  let database: OpenedDatabase;
  let now = 1000;
  const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  const catalog = () =>
    createScriptCatalog({
      shipped: loadScriptLibrary(resources, silentLog),
      custom: createCustomScripts({ db: database.db, onInvalid: () => undefined }),
      audit: createAuditLog({ db: database.db, clock }),
      clock,
    });
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const copy: CallScript = { ...shippedSales, id: 'our-sales', name: 'Our sales script' };

  it('imports a valid copy of a shipped script, lists it beside the shipped ones and audits it', async () => {
    const scripts = catalog();
    expect(await scripts.import(JSON.stringify(copy), 'sip:101@pbx')).toEqual({ id: 'our-sales', locale: 'en', name: 'Our sales script', shipped: false });
    const list = await scripts.list();
    expect(list).toContainEqual({ id: 'inbound-sales', locale: 'en', name: shippedSales.name, shipped: true });
    expect(list).toContainEqual({ id: 'our-sales', locale: 'en', name: 'Our sales script', shipped: false });
    expect((await scripts.get('our-sales', 'en'))?.stages.map((s) => s.id)).toEqual(shippedSales.stages.map((s) => s.id));
    const audit = await createAuditLog({ db: database.db, clock }).list(10);
    expect(audit[0]).toMatchObject({ actor: 'sip:101@pbx', action: 'script-saved', details: { id: 'our-sales', locale: 'en', imported: true } });
  });

  it('refuses a broken file with every bad place named, and leaves the script in use as it was', async () => {
    const scripts = catalog();
    await scripts.import(JSON.stringify(copy), 'admin');
    const refused = async (change: (script: { stages: { title: string; questions: { field: string }[]; say: string[] }[] }) => void) => {
      const broken = structuredClone(copy) as never;
      change(broken);
      const error: unknown = await scripts.import(JSON.stringify(broken), 'admin').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid-script' });
      return (error as Error).message;
    };
    expect(await refused((s) => (s.stages[1]!.questions[0]!.field = 'shoe-size'))).toContain(`stages[1].questions[0].field (stage "${copy.stages[1]!.title}"): Invalid option`);
    expect(await refused((s) => (s.stages[2]!.say[0] = 'Hello {callerNmae}'))).toContain(`stages[2].say[0] (stage "${copy.stages[2]!.title}"): unknown placeholder {callerNmae}`);
    await expect(scripts.import('{"version": 1, "id": ', 'admin')).rejects.toThrow(/not valid JSON/);
    expect(await scripts.get('our-sales', 'en')).toEqual(copy);
  });

  it('keeps shipped ids for shipped scripts, and will not delete the script the desk uses', async () => {
    const scripts = catalog();
    await expect(scripts.save(shippedSales, 'admin')).rejects.toMatchObject({ code: 'script-id-reserved' });
    await scripts.save(copy, 'admin');
    now = 2000;
    await expect(scripts.delete('our-sales', 'en', 'admin', { id: 'our-sales', locale: 'en' })).rejects.toMatchObject({ code: 'script-in-use' });
    await expect(scripts.delete('inbound-sales', 'en', 'admin', { id: 'our-sales', locale: 'ru' })).rejects.toMatchObject({ code: 'no-such-script' });
    await scripts.delete('our-sales', 'en', 'admin', { id: 'inbound-sales', locale: 'en' });
    expect(await scripts.get('our-sales', 'en')).toBeNull();
  });
});
