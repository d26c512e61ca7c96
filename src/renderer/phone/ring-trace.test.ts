import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { createRingTrace, ringMarks, type RingTimeline } from './ring-trace.ts';

/** A timeline on a hand-moved clock that keeps its marks like the browser's. */
function fakeTimeline() {
  let now = 0;
  let marks: { name: string; startTime: number; callId: string }[] = [];
  const timeline: RingTimeline = {
    now: () => now,
    mark: (name, { startTime, detail }) => marks.push({ name, startTime, callId: detail.callId }),
    clearMarks: (name) => {
      marks = marks.filter((m) => m.name !== name);
    },
  };
  return {
    timeline,
    advance: (ms: number) => (now += ms),
    marks: () => marks.map((m) => `${m.name.replace('ringside:ring-', '')} ${m.callId} @${m.startTime}`),
  };
}

const call = (id: string, state: LiveCall['state'], direction: LiveCall['direction'] = 'inbound') => ({ id, state, direction }) as LiveCall;

describe('ring trace', () => {
  it('marks a ringing call once on its way: arrival before the checks, checked, stored, committed', () => {
    const t = fakeTimeline();
    const trace = createRingTrace(t.timeline);
    t.advance(10);
    trace.arrived();
    t.advance(2);
    trace.validated([call('a', 'ringing')]);
    t.advance(1);
    trace.stored();
    t.advance(3);
    trace.committed('a');
    // The next update of the same ringing call (its ring count) marks nothing more.
    trace.arrived();
    trace.validated([call('a', 'ringing')]);
    trace.stored();
    trace.committed('a');
    expect(t.marks()).toEqual(['received a @10', 'validated a @12', 'stored a @13', 'committed a @16']);
  });

  it('marks nothing for updates without a new ringing call, outgoing calls included', () => {
    const t = fakeTimeline();
    const trace = createRingTrace(t.timeline);
    trace.arrived();
    trace.validated([call('o', 'dialing', 'outbound'), call('b', 'active')]);
    trace.stored();
    trace.committed('o');
    expect(t.marks()).toEqual([]);
  });

  it('a new ring clears the marks of the calls before, so the timeline does not grow all day', () => {
    const t = fakeTimeline();
    const trace = createRingTrace(t.timeline);
    for (const id of ['a', 'b', 'c']) {
      trace.arrived();
      trace.validated([call(id, 'ringing')]);
      trace.stored();
      trace.committed(id);
      trace.validated([]);
    }
    expect(t.marks()).toEqual(['received c @0', 'validated c @0', 'stored c @0', 'committed c @0']);
    expect(Object.values(ringMarks)).toHaveLength(4);
  });

  it('a call rung again after it left the list is marked again; a call gone before its commit is not', () => {
    const t = fakeTimeline();
    const trace = createRingTrace(t.timeline);
    trace.validated([call('a', 'ringing')]);
    trace.stored();
    trace.validated([]);
    trace.committed('a');
    expect(t.marks()).toEqual(['received a @0', 'validated a @0', 'stored a @0']);
    trace.validated([call('a', 'ringing')]);
    trace.stored();
    trace.committed('a');
    expect(t.marks()).toEqual(['received a @0', 'validated a @0', 'stored a @0', 'committed a @0']);
  });
});
