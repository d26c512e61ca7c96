import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.ts';
import { createAdminPin } from '../admin/admin-pin.ts';
import { runSetAdminPinCli } from './set-admin-pin-cli.ts';
import type { Clock } from '../../shared/clock.ts';

const clock: Clock = { now: () => 1_700_000_000_000, setTimeout: () => 0, clearTimeout: () => {} };

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) } };
}
const answers = (...given: string[]) => () => Promise.resolve(given.shift() ?? '');

async function inDatabase<T>(dir: string, use: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(join(dir, 'ringside.sqlite'));
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

describe('set-admin-pin command', () => {
  it('sets the first PIN in the data folder the way Admin checks it, audited, never stored as typed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-pin-'));
    const { lines, io } = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir], io, answers('482916', '482916'), clock)).toBe(0);
    expect(lines).toEqual(['The admin PIN is set.']);
    await inDatabase(dir, async ({ db }) => {
      const pin = createAdminPin({ db, clock });
      await expect(pin.check('482916')).resolves.toBeUndefined();
      await expect(pin.check('111111')).rejects.toThrow('Wrong admin PIN.');
      const audit = await db.selectFrom('audit_log').selectAll().execute();
      expect(audit.map((a) => [a.actor, a.action])).toEqual([['command line', 'admin-pin-set']]);
      expect(JSON.stringify(await db.selectFrom('admin_pin').selectAll().execute())).not.toContain('482916');
    });
  });

  it('does not replace a PIN that is set unless told to (--replace)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-pin-'));
    await runSetAdminPinCli(['--data-dir', dir], capture().io, answers('1111', '1111'), clock);
    const refused = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir], refused.io, answers('2222', '2222'), clock)).toBe(1);
    expect(refused.lines[0]).toMatch(/already set.*--replace/);
    const replaced = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir, '--replace'], replaced.io, answers('2222', '2222'), clock)).toBe(0);
    expect(replaced.lines).toEqual(['The admin PIN is replaced.']);
    await inDatabase(dir, ({ db }) => expect(createAdminPin({ db, clock }).check('2222')).resolves.toBeUndefined());
  });

  it('changes nothing for a PIN that is not 4–12 digits, two PINs that differ, a PIN on the command line or no data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-pin-'));
    const short = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir], short.io, answers('12a4', '12a4'), clock)).toBe(1);
    expect(short.lines[0]).toMatch(/4 to 12 digits/);
    const differ = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir], differ.io, answers('1234', '1243'), clock)).toBe(1);
    expect(differ.lines[0]).toMatch(/differ/);
    const inArgv = capture();
    expect(await runSetAdminPinCli(['--data-dir', dir, '--pin', '1234'], inArgv.io, answers('1234', '1234'), clock)).toBe(1);
    expect(inArgv.lines[0]).toMatch(/Unknown option '--pin'/);
    const noFolder = capture();
    expect(await runSetAdminPinCli(['--data-dir', join(dir, 'nowhere')], noFolder.io, answers('1234', '1234'), clock)).toBe(1);
    expect(noFolder.lines[0]).toMatch(/no data folder/);
    await inDatabase(dir, async ({ db }) => expect(await createAdminPin({ db, clock }).isSet()).toBe(false));
  });

  it('reads the PIN from standard input when piped (npm run set-admin-pin)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-pin-'));
    const root = resolve(import.meta.dirname, '../../..');
    const run = spawnSync(process.execPath, [join(root, 'src/main/cli/set-admin-pin.ts'), '--data-dir', dir], { input: '482916\n', encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('The admin PIN is set.');
    expect(run.status).toBe(0);
    await inDatabase(dir, ({ db }) => expect(createAdminPin({ db, clock }).check('482916')).resolves.toBeUndefined());
  });
});
