import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ExportFilter } from '../../shared/ipc/recordings.ts';
import { foldForSearch } from '../contacts/search-text.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** A finished recording with the call facts an export's manifest carries. */
export interface SelectedRecording {
  recordingId: string;
  callId: string;
  file: string;
  status: 'final' | 'recovered';
  startedAt: number;
  durationMs: number | null;
  bytes: number;
  sha256: string | null;
  inviteAt: number;
  answeredAt: number | null;
  talkMs: number | null;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  remoteE164: string | null;
  remoteDisplayName: string;
  contactName: string | null;
  organization: string | null;
  agent: string;
  outcome: string | null;
  consentAnnouncement: string | null;
  consentBeepSeconds: number | null;
}

/**
 * The finished recordings whose calls match the filter, oldest first. Recordings still being
 * written are never selected: an export holds only files that are complete and hashed.
 */
export async function selectRecordings(db: Kysely<DatabaseSchema>, filter: ExportFilter): Promise<SelectedRecording[]> {
  let q = db
    .selectFrom('recordings')
    .innerJoin('calls', 'calls.id', 'recordings.call_id')
    .leftJoin('contacts', 'contacts.id', 'calls.contact_id')
    .select([
      'recordings.id as recording_id',
      'recordings.call_id',
      'recordings.file',
      'recordings.status',
      'recordings.started_at',
      'recordings.duration_ms',
      'recordings.bytes',
      'recordings.sha256',
      'calls.invite_at',
      'calls.answered_at',
      'calls.duration_ms as talk_ms',
      'calls.direction',
      'calls.remote_number',
      'calls.remote_e164',
      'calls.remote_display_name',
      'calls.agent',
      'calls.outcome',
      'calls.consent_announcement',
      'calls.consent_beep_seconds',
      'contacts.name as contact_name',
      'contacts.organization',
    ])
    .where('recordings.status', 'in', ['final', 'recovered'])
    .orderBy('calls.invite_at')
    .orderBy('recordings.started_at');
  if (filter.from !== undefined) q = q.where('calls.invite_at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('calls.invite_at', '<', filter.to);
  if (filter.agent) q = q.where('calls.agent', '=', filter.agent);
  if (filter.outcome) q = q.where('calls.outcome', '=', filter.outcome);
  const client = filter.client?.trim();
  if (client) {
    // instr, not LIKE: a client's name may hold % or _ and needs no escaping this way.
    const contains = (column: string, part: string) => sql<SqlBool>`instr(${sql.ref(column)}, ${part}) > 0`;
    const digits = client.replace(/\D/g, '');
    q = q.where((eb) =>
      eb.or([
        contains('contacts.search_text', foldForSearch(client)),
        ...(digits.length >= 3 ? [contains('calls.remote_number', digits), contains('calls.remote_e164', digits)] : []),
      ]),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    recordingId: r.recording_id,
    callId: r.call_id,
    file: r.file,
    status: r.status === 'recovered' ? 'recovered' : 'final',
    startedAt: Number(r.started_at),
    durationMs: r.duration_ms,
    bytes: Number(r.bytes),
    sha256: r.sha256,
    inviteAt: Number(r.invite_at),
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
    talkMs: r.talk_ms,
    direction: r.direction,
    remoteNumber: r.remote_number,
    remoteE164: r.remote_e164,
    remoteDisplayName: r.remote_display_name,
    contactName: r.contact_name,
    organization: r.organization,
    agent: r.agent,
    outcome: r.outcome,
    consentAnnouncement: r.consent_announcement,
    consentBeepSeconds: r.consent_beep_seconds,
  }));
}
