import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { defaultCallbackPolicy } from '../../shared/calls/callback-due.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createCallbackTaskRepository } from './callback-task-repository.ts';
import { createCallbackTasks } from './callback-tasks.ts';
import { localZone } from '../app/local-zone.ts';

describe('call-back tasks', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00'));
    database = await openDatabase(':memory:');
  });
  afterEach(async () => {
    vi.useRealTimers();
    await database.close();
  });

  it('a hot lead’s task is due 2 minutes later; calling back from it links the new call to the task', async () => {
    const dialled: string[] = [];
    let n = 0;
    const tasks = createCallbackTasks({
      store: createCallbackTaskRepository({ db: database.db }),
      clock: systemClock,
      newId: () => `t${++n}`,
      policy: () => defaultCallbackPolicy,
      zone: localZone,
      dial: (number) => {
        dialled.push(number);
        return Promise.resolve('call-42');
      },
    });
    const hot = await tasks.create({ source: 'wrap-up', name: 'Ольга', number: '+302101234567', due: { urgency: 'hot' }, owner: 'Maria', note: 'wants the offer', originId: 'call-1' });
    const cold = await tasks.create({ source: 'missed-call', name: '', number: '201', due: { urgency: 'cold' }, owner: '', note: '', originId: 'call-2' });
    expect(hot.dueAt - Date.now()).toBe(2 * 60_000);
    expect(new Date(cold.dueAt)).toEqual(new Date('2026-12-02T09:00:00'));
    vi.advanceTimersByTime(2 * 60_000 + 1);
    const open = await tasks.open();
    expect(open.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(open.filter((t) => t.dueAt <= Date.now()).map((t) => t.id)).toEqual(['t1']);

    expect(await tasks.callBack('t1')).toBe('call-42');
    expect(dialled).toEqual(['+302101234567']);
    expect((await tasks.open()).map((t) => t.id)).toEqual(['t2']);
    const linked = await database.db.selectFrom('callback_tasks').select(['callback_call_id', 'origin_id', 'status']).where('id', '=', 't1').executeTakeFirstOrThrow();
    expect(linked).toEqual({ callback_call_id: 'call-42', origin_id: 'call-1', status: 'done' });
    await expect(tasks.callBack('nope')).rejects.toMatchObject({ code: 'no-such-task' });
  });
});
