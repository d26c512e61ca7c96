import type { Generated } from 'kysely';
import type { AuditAction } from '../../shared/ipc/admin.ts';
import type { CallOutcome } from '../../shared/ipc/calls.ts';

/** Kysely table types: one interface per table, columns as stored (times in ms since the epoch). */
export interface ContactsTable {
  id: string;
  name: string;
  organization: string;
  position: string;
  email: string;
  category: 'A' | 'B' | 'C' | null;
  notes: string;
  /** Lower-case, accents removed: SQLite's LOWER only folds ASCII. */
  search_text: string;
  created_at: number;
  updated_at: number;
  /** Captured by the script (R8, R12, R28). */
  source: Generated<string>;
  values_text: Generated<string>;
  budget: Generated<string>;
  order_volume: Generated<string>;
  order_frequency: Generated<string>;
  decides: Generated<string>;
  other_deciders: Generated<string>;
  does_not_want: Generated<string>;
  solved_before: Generated<string>;
  temperature: 'hot' | 'warm' | 'cold' | null;
}

export interface ContactPhonesTable {
  id: string;
  contact_id: string;
  /** E.164, or a short extension as typed. */
  number: string;
  label: string;
  position: number;
}

export interface CallsTable {
  id: string;
  direction: 'inbound' | 'outbound';
  status: 'answered' | 'missed' | 'rejected' | 'failed' | 'in-progress';
  remote_number: string;
  remote_e164: string | null;
  remote_display_name: string;
  contact_id: string | null;
  match: 'number' | 'none';
  invite_at: number;
  rings: number;
  answered_at: number | null;
  answer_ms: number | null;
  auto_answered: number;
  ended_at: number | null;
  ended_by: 'caller' | 'agent' | 'system' | null;
  end_reason: string | null;
  duration_ms: number | null;
  sip_call_id: string;
  /** The desk's SIP address that took the call. */
  agent: Generated<string>;
  outcome: CallOutcome | null;
  consent_announcement: string | null;
  consent_beep_seconds: number | null;
  hold_ms: Generated<number>;
  next_step_at: number | null;
  next_step_what: Generated<string>;
  next_step_who: Generated<string>;
  wrap_up_notes: Generated<string>;
  /** Null while the wrap-up is pending. */
  wrap_up_done_at: number | null;
  practice: Generated<number>;
  /** When the window carrying the call's audio went away mid-call (its recording is cut short there). */
  media_lost_at: Generated<number | null>;
}

export interface RecordingsTable {
  id: string;
  call_id: string;
  /** Relative to the data folder. */
  file: string;
  mime_type: string;
  status: 'recording' | 'final' | 'recovered';
  started_at: number;
  finished_at: number | null;
  duration_ms: number | null;
  bytes: number;
  chunks: number;
  sha256: string | null;
}

export interface RecordingPausesTable {
  id: string;
  call_id: string;
  /** The account that paused (its SIP address). */
  paused_by: string;
  paused_at: number;
  resumed_at: number | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor: string;
  action: AuditAction;
  /** JSON */
  details: string;
}

export interface AdminPinTable {
  id: number;
  hash: string;
  salt: string;
  set_at: number;
}

export interface CallProgressTable {
  call_id: string;
  script_id: string;
  /** JSON of CallProgress. */
  progress: string;
  furthest_stage: string;
  updated_at: number;
}

export interface ScriptsTable {
  id: string;
  locale: 'en' | 'ru' | 'el';
  /** JSON of a validated CallScript. */
  body: string;
  updated_at: number;
  updated_by: string;
}

export interface TransfersTable {
  id: string;
  call_id: string;
  at: number;
  kind: 'blind' | 'warm';
  from_agent: string;
  target: string;
  note: string;
  result: 'pending' | 'completed' | 'failed' | 'declined' | 'cancelled';
  detail: string;
  ended_at: number | null;
  /** Warm transfers: the consult call to the colleague (a call of its own). */
  consult_call_id: Generated<string | null>;
}

export interface MessagesTable {
  id: string;
  box: 'sent' | 'received';
  to_extension: string;
  to_name: string;
  from_extension: string;
  from_name: string;
  caller_name: string;
  organization: string;
  phone: string;
  call_back_at: number | null;
  text: string;
  urgency: 'normal' | 'urgent';
  mood: 'calm' | 'upset' | 'angry';
  call_id: string | null;
  created_at: number;
  status: 'pending' | 'delivered' | 'new' | 'read' | 'called-back' | 'done';
  status_by: string;
  status_at: number;
  attempts: Generated<number>;
  last_error: Generated<string>;
}

export interface CallbackTasksTable {
  id: string;
  created_at: number;
  source: 'message' | 'wrap-up' | 'missed-call' | 'promise';
  name: string;
  number: string;
  due_at: number;
  owner: string;
  note: string;
  status: 'open' | 'done';
  origin_id: string | null;
  callback_call_id: string | null;
  done_at: number | null;
}

export interface ColleaguesTable {
  id: string;
  name: string;
  extension: string;
  role: string;
  handles: string;
  presence: 'available' | 'away' | 'on-call' | 'offline' | 'unknown';
  presence_at: number | null;
}

export interface ScorecardsTable {
  /** 'office': the one scorecard of this office. */
  id: string;
  /** JSON of a validated Scorecard. */
  body: string;
  updated_at: number;
  updated_by: string;
}

export interface CallScoresTable {
  call_id: string;
  /** The call's agent (their SIP address), kept for per-agent averages. */
  agent: string;
  /** JSON: the Scorecard as it was when the call was scored. */
  scorecard: string;
  /** JSON: item id → yes | no | na. */
  answers: string;
  summary: string;
  points: number;
  max_points: number;
  percent: number | null;
  failed_critical: number;
  scored_by: string;
  scored_at: number;
}

export interface ScoreCommentsTable {
  id: string;
  call_id: string;
  recording_id: string | null;
  /** Where in the recording the comment is pinned. */
  at_ms: number;
  text: string;
}

type RingPlace = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** Answered within 5, 10, 15, 20, 30 s (ANSWER_SECOND_BUCKETS), or after. */
type AnsweredWithin = 'answered_within_5s' | 'answered_within_10s' | 'answered_within_15s' | 'answered_within_20s' | 'answered_within_30s' | 'answered_after_30s';

/** A kept day's DeskSums, one column per figure (migration 0019); its lead sources are in stats_day_sources. */
export type StatsDaysTable = {
  day_start: number;
  day_end: number;
  /** The agent's SIP address, or * for everyone. */
  agent: string;
  incoming: number;
  answered: number;
  missed: number;
  by_ring_3: number;
  answer_ms: number;
  talk_ms: number;
  hold_ms: number;
  effective: number;
  offers: number;
  meetings: number;
  deferred: number;
  sold: number;
  transfers: number;
} & Record<`missed_at_ring_${RingPlace}` | `answered_at_ring_${RingPlace}` | AnsweredWithin, number>;

export interface StatsDaySourcesTable {
  day_start: number;
  agent: string;
  /** The caller's lead source ('' for none). */
  source: string;
  incoming: number;
  sold: number;
}

/** INVITEs refused before they rang, counted per hour and reason (not calls). */
export interface RefusedTrafficTable {
  hour_start: number;
  reason: string;
  count: number;
  last_at: number;
  last_source: string;
}

/** The SIP dialog of a call in progress, kept so a restarted main side can still end it. */
export interface CallDialogsTable {
  call_id: string;
  sip_call_id: string;
  local_tag: string;
  remote_tag: string;
  local_uri: string;
  remote_uri: string;
  remote_target: string;
  /** JSON array of Route header values. */
  route_set: string;
  local_cseq: number;
  stored_at: number;
}

export interface DatabaseSchema {
  contacts: ContactsTable;
  contact_phones: ContactPhonesTable;
  calls: CallsTable;
  recordings: RecordingsTable;
  recording_pauses: RecordingPausesTable;
  audit_log: AuditLogTable;
  admin_pin: AdminPinTable;
  call_progress: CallProgressTable;
  scripts: ScriptsTable;
  transfers: TransfersTable;
  messages: MessagesTable;
  callback_tasks: CallbackTasksTable;
  colleagues: ColleaguesTable;
  scorecards: ScorecardsTable;
  call_scores: CallScoresTable;
  score_comments: ScoreCommentsTable;
  stats_days: StatsDaysTable;
  stats_day_sources: StatsDaySourcesTable;
  refused_traffic: RefusedTrafficTable;
  call_dialogs: CallDialogsTable;
}
