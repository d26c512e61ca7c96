import { sql, type Kysely } from 'kysely';
import type { CallListQuery, CallRecord, WrapUp } from '../../shared/ipc/calls.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import type { CallRecordPatch, NewCallRecord } from '../phone/call-manager.ts';

/** The call history as screens and rules read it (office data). */
export interface CallReader {
  list(query: CallListQuery & { id?: string }): Promise<CallRecord[]>;
  find(id: string): Promise<CallRecord | null>;
  /** Everyone whose calls are in the history (their SIP addresses), in order. */
  agents(): Promise<string[]>;
  /** The agent whose call this is; null for a call not in the history. */
  agentOf(callId: string): Promise<string | null>;
  /** Whether any call was ever taken or made (the first admin PIN is open only before). */
  anyTaken(): Promise<boolean>;
}

/** The writes to the call history: the phone's rows, the wrap-up, the start-up repair. */
export interface CallWriter {
  insert(call: NewCallRecord & { agent: string }): Promise<void>;
  update(id: string, patch: CallRecordPatch): Promise<void>;
  /**
   * At start-up: calls a crash left without an end are closed as interrupted, ending when their
   * recovered recording ends (or when answered, if none). Returns how many.
   */
  closeInterrupted(startedAt: number): Promise<number>;
  /** Saves the wrap-up and marks it done. */
  wrapUp(wrapUp: WrapUp, now: number): Promise<void>;
  /** When the window carrying the call's audio went away (its recording stops there); the first time counts. */
  markMediaLost(callId: string, at: number): Promise<void>;
}

export type CallRepository = CallReader & CallWriter;

/** Calls left without an end that rang before `startedAt`; served by the partial index calls_open_invite_at. */
export function openCallsBefore(db: Kysely<DatabaseSchema>, startedAt: number) {
  return db.selectFrom('calls').select(['id', 'invite_at', 'answered_at']).where('ended_at', 'is', null).where('invite_at', '<', startedAt);
}

export function createCallRepository(deps: { db: Kysely<DatabaseSchema> }): CallRepository {
  const { db } = deps;
  return {
    async find(id) {
      return (await this.list({ filter: 'all', limit: 1, id }))[0] ?? null;
    },
    async insert(call) {
      await db
        .insertInto('calls')
        .values({
          id: call.id,
          direction: call.direction,
          status: 'in-progress',
          remote_number: call.remoteNumber,
          remote_e164: call.remoteE164,
          remote_display_name: call.remoteDisplayName,
          contact_id: call.contactId,
          match: call.match,
          invite_at: call.inviteAt,
          rings: 0,
          answered_at: null,
          answer_ms: null,
          auto_answered: 0,
          ended_at: null,
          ended_by: null,
          end_reason: null,
          duration_ms: null,
          sip_call_id: call.sipCallId,
          agent: call.agent,
          practice: call.practice ? 1 : 0,
        })
        .execute();
    },

    async update(id, patch) {
      const set = {
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.contactId !== undefined && { contact_id: patch.contactId }),
        ...(patch.rings !== undefined && { rings: patch.rings }),
        ...(patch.answeredAt !== undefined && { answered_at: patch.answeredAt }),
        ...(patch.answerMs !== undefined && { answer_ms: patch.answerMs }),
        ...(patch.autoAnswered !== undefined && { auto_answered: patch.autoAnswered ? 1 : 0 }),
        ...(patch.endedAt !== undefined && { ended_at: patch.endedAt }),
        ...(patch.endedBy !== undefined && { ended_by: patch.endedBy }),
        ...(patch.endReason !== undefined && { end_reason: patch.endReason }),
        ...(patch.durationMs !== undefined && { duration_ms: patch.durationMs }),
        ...(patch.consentAnnouncement !== undefined && { consent_announcement: patch.consentAnnouncement }),
        ...(patch.consentBeepSeconds !== undefined && { consent_beep_seconds: patch.consentBeepSeconds }),
        ...(patch.holdMs !== undefined && { hold_ms: patch.holdMs }),
      };
      if (Object.keys(set).length === 0) return;
      await db.updateTable('calls').set(set).where('id', '=', id).execute();
    },

    async wrapUp(w, now) {
      await db
        .updateTable('calls')
        .set({ outcome: w.outcome, next_step_at: w.nextStepAt, next_step_what: w.nextStepWhat.trim(), next_step_who: w.nextStepWho.trim(), wrap_up_notes: w.notes, wrap_up_done_at: now })
        .where('id', '=', w.callId)
        .execute();
    },

    async agents() {
      return (await db.selectFrom('calls').select('agent').distinct().where('agent', '!=', '').orderBy('agent').execute()).map((r) => r.agent);
    },
    async agentOf(callId) {
      return (await db.selectFrom('calls').select('agent').where('id', '=', callId).executeTakeFirst())?.agent ?? null;
    },
    async anyTaken() {
      return (await db.selectFrom('calls').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    async markMediaLost(callId, at) {
      await db.updateTable('calls').set({ media_lost_at: at }).where('id', '=', callId).where('media_lost_at', 'is', null).execute();
    },

    async closeInterrupted(startedAt) {
      const open = await openCallsBefore(db, startedAt).execute();
      for (const call of open) {
        const recorded = await db
          .selectFrom('recordings')
          .select((eb) => eb.fn.max(sql<number>`started_at + coalesce(duration_ms, 0)`).as('end'))
          .where('call_id', '=', call.id)
          .executeTakeFirst();
        const answeredAt = call.answered_at === null ? null : Number(call.answered_at);
        const endedAt = Math.max(Number(recorded?.end ?? 0), answeredAt ?? Number(call.invite_at));
        await db
          .updateTable('calls')
          .set({
            status: answeredAt === null ? 'failed' : 'answered',
            ended_at: endedAt,
            ended_by: 'system',
            end_reason: 'interrupted',
            duration_ms: answeredAt === null ? null : endedAt - answeredAt,
          })
          .where('id', '=', call.id)
          .execute();
      }
      return open.length;
    },

    async list(query) {
      let q = db
        .selectFrom('calls')
        .leftJoin('contacts', 'contacts.id', 'calls.contact_id')
        .leftJoin('call_progress', 'call_progress.call_id', 'calls.id')
        .selectAll('calls')
        .select('contacts.name as contact_name')
        .select('call_progress.furthest_stage')
        .select((eb) => [
          eb.selectFrom('recordings').whereRef('recordings.call_id', '=', 'calls.id').select((r) => r.fn.countAll<number>().as('n')).as('recording_count'),
          eb
            .selectFrom('recordings')
            .whereRef('recordings.call_id', '=', 'calls.id')
            .where('recordings.status', '=', 'recovered')
            .select((r) => r.fn.countAll<number>().as('n'))
            .as('recovered_count'),
        ])
        .orderBy('calls.invite_at', 'desc')
        .limit(query.limit);
      if (query.filter === 'missed') q = q.where('calls.status', '=', 'missed');
      if (query.before !== undefined) q = q.where('calls.invite_at', '<', query.before);
      if (query.id !== undefined) q = q.where('calls.id', '=', query.id);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        direction: r.direction,
        status: r.status,
        remoteNumber: r.remote_number,
        remoteE164: r.remote_e164,
        remoteDisplayName: r.remote_display_name,
        contactId: r.contact_id,
        contactName: r.contact_name,
        inviteAt: Number(r.invite_at),
        rings: r.rings,
        answeredAt: r.answered_at === null ? null : Number(r.answered_at),
        answerMs: r.answer_ms,
        autoAnswered: r.auto_answered === 1,
        endedAt: r.ended_at === null ? null : Number(r.ended_at),
        endedBy: r.ended_by,
        endReason: r.end_reason,
        durationMs: r.duration_ms,
        recordings: { count: Number(r.recording_count ?? 0), recovered: Number(r.recovered_count ?? 0) > 0 },
        furthestStage: r.furthest_stage,
        outcome: r.outcome,
        nextStep: { at: r.next_step_at === null ? null : Number(r.next_step_at), what: r.next_step_what, who: r.next_step_who },
        wrapUpNotes: r.wrap_up_notes,
        wrapUpPending: r.status === 'answered' && r.wrap_up_done_at === null && r.practice === 0,
        practice: r.practice === 1,
      }));
    },
  };
}
