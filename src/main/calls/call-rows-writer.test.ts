import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logger.ts';
import type { NewCallRecord } from '../phone/call-row-facts.ts';
import { createCallRowsWriter } from './call-rows-writer.ts';

const row: NewCallRecord = { id: 'a', direction: 'inbound', remoteNumber: '6001', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 0, sipCallId: 'x', practice: false };

function setup(options: { insertFails?: boolean } = {}) {
  const writes: string[] = [];
  const stored: string[] = [];
  let releaseInsert: () => void = () => undefined;
  const write = createCallRowsWriter({
    log: silentLogger,
    insert: (r) =>
      new Promise<void>((resolve, reject) => {
        releaseInsert = () => {
          writes.push(`insert ${r.id}`);
          if (options.insertFails) reject(new Error('disk full'));
          else resolve();
        };
      }),
    update: (id, patch) => {
      writes.push(`update ${id} ${JSON.stringify(patch)}`);
      return Promise.resolve();
    },
    stored: (callId) => stored.push(callId),
  });
  return { write, writes, stored, releaseInsert: () => releaseInsert() };
}

describe('createCallRowsWriter', () => {
  it('writes a call’s changes only after its row, in the order of the facts, and says when the ended row is written', async () => {
    const t = setup();
    const started = t.write({ kind: 'started', row });
    const answered = t.write({ kind: 'changed', callId: 'a', patch: { status: 'answered' } });
    const ended = t.write({ kind: 'ended', callId: 'a', patch: { endReason: 'caller-hung-up' } });
    await Promise.resolve();
    expect(t.writes).toEqual([]);
    t.releaseInsert();
    await Promise.all([started, answered, ended]);
    expect(t.writes).toEqual(['insert a', 'update a {"status":"answered"}', 'update a {"endReason":"caller-hung-up"}']);
    expect(t.stored).toEqual(['a']);
  });

  it('a row that could not be written is logged; its changes are still tried and the history still told', async () => {
    const t = setup({ insertFails: true });
    const started = t.write({ kind: 'started', row });
    const ended = t.write({ kind: 'ended', callId: 'a', patch: { status: 'missed' } });
    await Promise.resolve();
    t.releaseInsert();
    await expect(started).resolves.toBeUndefined();
    await ended;
    expect(t.writes).toEqual(['insert a', 'update a {"status":"missed"}']);
    expect(t.stored).toEqual(['a']);
  });
});
