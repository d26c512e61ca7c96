import type { EndReason } from '../../shared/ipc/phone.ts';

export type StoredCallStatus = 'answered' | 'missed' | 'rejected' | 'failed' | 'in-progress';

export interface NewCallRecord {
  id: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  remoteE164: string | null;
  remoteDisplayName: string;
  contactId: string | null;
  match: 'number' | 'none';
  inviteAt: number;
  sipCallId: string;
  /** A practice call (rehearsal with a simulated caller): kept, but left out of statistics. */
  practice: boolean;
}

export interface CallRecordPatch {
  status?: StoredCallStatus;
  contactId?: string | null;
  rings?: number;
  answeredAt?: number | null;
  answerMs?: number | null;
  autoAnswered?: boolean;
  endedAt?: number | null;
  endedBy?: 'caller' | 'agent' | 'system' | null;
  endReason?: EndReason | null;
  durationMs?: number | null;
  consentAnnouncement?: string | null;
  consentBeepSeconds?: number | null;
  /** Time the caller spent on hold by this desk. */
  holdMs?: number;
}

/**
 * What the phone says happened to a call, for the history's row (src/main/calls/call-rows-writer.ts):
 * the phone states facts; it never writes rows itself.
 */
export type CallRowFact =
  /** The call reached the screen: its row is written now, before anything else about it. */
  | { kind: 'started'; row: NewCallRecord }
  /** Answered, rung, its card's contact changed: the row follows. */
  | { kind: 'changed'; callId: string; patch: CallRecordPatch }
  /** The call is over: the row's last change. */
  | { kind: 'ended'; callId: string; patch: CallRecordPatch };
