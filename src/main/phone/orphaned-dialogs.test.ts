import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserAgent } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { BYE_CSEQ_MARGIN, byeRequest, createDialogStore, orphanedDialogs, type StoredDialog } from './orphaned-dialogs.ts';

const dialog = (n: number): StoredDialog => ({
  sipCallId: `call-${n}@desk`,
  localTag: `local-${n}`,
  remoteTag: `remote-${n}`,
  localUri: 'sip:100@lab.test',
  remoteUri: 'sip:201@lab.test',
  remoteTarget: `sip:201@198.51.100.7:5060;transport=ws`,
  routeSet: ['<sip:127.0.0.1:5060;transport=ws;r2=on;lr>', '<sip:127.0.0.1:5060;r2=on;lr>'],
  localCseq: n,
});

describe('dialogs of calls in progress, and ending those a dead main side left', () => {
  let dir: string;
  let file: string;
  let database: OpenedDatabase;
  let now: number;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
  const lines: string[] = [];
  const log: Logger = {
    debug() {},
    info: (m, f) => lines.push(`info ${m} ${JSON.stringify(f)}`),
    warn: (m, f) => lines.push(`warn ${m} ${JSON.stringify(f)}`),
    error: (m, f) => lines.push(`error ${m} ${JSON.stringify(f)}`),
    child: () => log,
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-dialogs-'));
    file = join(dir, 'ringside.sqlite');
    database = await openDatabase(file);
    now = 1_000_000;
    lines.length = 0;
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a dialog in the file until the call ends, and tells an earlier run’s dialogs from this one’s', async () => {
    const store = createDialogStore({ db: database.db, clock });
    await store.remember('a', dialog(1));
    await store.remember('ended', dialog(2));
    await store.forget('ended');
    // The main side dies; the next one opens the same file.
    await database.close();
    database = await openDatabase(file);
    now = 2_000_000;
    const next = createDialogStore({ db: database.db, clock });
    await next.remember('b', dialog(3));
    expect(await next.storedBefore(2_000_000)).toEqual([{ callId: 'a', dialog: dialog(1) }]);
    // Remembered again (its CSeq moved on): one row, the newer dialog.
    now = 900_000;
    await next.remember('a', { ...dialog(1), localCseq: 7 });
    expect(await next.storedBefore(2_000_000)).toEqual([{ callId: 'a', dialog: { ...dialog(1), localCseq: 7 } }]);
  });

  it('sends a BYE for each dialog of the earlier run, forgets it once answered (481 too), and keeps one that could not be sent', async () => {
    const store = createDialogStore({ db: database.db, clock });
    for (const [id, n] of [['answered', 1], ['gone', 2], ['unsent', 3], ['thrown', 4], ['refused', 5]] as const) await store.remember(id, dialog(n));
    now = 5_000_000;
    await store.remember('current', dialog(6));
    const answers: Record<string, number | Error> = { 'call-1@desk': 200, 'call-2@desk': 481, 'call-3@desk': 503, 'call-4@desk': new Error('not connected'), 'call-5@desk': 403 };
    const sent: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ender = orphanedDialogs({
      store,
      log,
      startedAt: 5_000_000,
      sendBye: async (d) => {
        sent.push(d.sipCallId);
        await gate;
        const answer = answers[d.sipCallId];
        if (answer instanceof Error) throw answer;
        return answer ?? 0;
      },
    });
    // Two registrations in a row: one run, one BYE per dialog.
    const first = ender.endAll();
    const second = ender.endAll();
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['call-1@desk', 'call-2@desk', 'call-3@desk', 'call-4@desk', 'call-5@desk']);
    expect((await store.storedBefore(Number.MAX_SAFE_INTEGER)).map((d) => d.callId)).toEqual(['unsent', 'thrown', 'current']);
    expect(lines.find((l) => l.includes('"callId":"answered"'))).toMatch(/^info A call cut off by a restart was ended with a BYE .*"status":200/);
    expect(lines.find((l) => l.includes('"callId":"gone"'))).toMatch(/^info .*already ended at the far end/);
    expect(lines.find((l) => l.includes('"callId":"refused"'))).toMatch(/^warn .*refused.*"status":403/);
    expect(lines.filter((l) => l.includes('trying again at the next registration'))).toHaveLength(2);

    // The next registration tries the two again.
    sent.length = 0;
    answers['call-3@desk'] = 200;
    answers['call-4@desk'] = 481;
    await ender.endAll();
    expect(sent).toEqual(['call-3@desk', 'call-4@desk']);
    expect((await store.storedBefore(Number.MAX_SAFE_INTEGER)).map((d) => d.callId)).toEqual(['current']);
  });

  it('builds the BYE in the dialog: remote target, route set, tags, Call-ID and a CSeq past any this desk sent', () => {
    const ua = new UserAgent({ uri: UserAgent.makeURI('sip:100@lab.test'), transportOptions: { server: 'ws://127.0.0.1:1' }, logBuiltinEnabled: false });
    const text = byeRequest(ua.userAgentCore, dialog(41)).toString();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BYE sip:201@198.51.100.7:5060;transport=ws SIP/2.0');
    expect(lines).toContain('Route: <sip:127.0.0.1:5060;transport=ws;r2=on;lr>');
    expect(lines).toContain('Route: <sip:127.0.0.1:5060;r2=on;lr>');
    expect(lines).toContain('From: <sip:100@lab.test>;tag=local-41');
    expect(lines).toContain('To: <sip:201@lab.test>;tag=remote-41');
    expect(lines).toContain('Call-ID: call-41@desk');
    expect(lines).toContain(`CSeq: ${41 + BYE_CSEQ_MARGIN} BYE`);
  });
});
