import type { AuditLog } from '../admin/audit-log.ts';
import type { CallbackTaskRepository } from '../calls/callback-task-repository.ts';
import type { CallRepository } from '../calls/call-repository.ts';
import type { TransferLog } from '../calls/transfer-log.ts';
import type { ColleagueDirectory } from '../colleagues/colleague-directory.ts';
import type { ContactRepository } from '../contacts/contact-repository.ts';
import type { MessageStore } from '../messages/message-store.ts';
import type { ScoreRepository } from '../scoring/score-repository.ts';
import type { CallProgressStore } from '../scripts/call-progress-store.ts';
import type { CustomScripts } from '../scripts/custom-scripts.ts';

/**
 * The office's data: what every desk of the office would share once it lives in one database
 * (issue 18), not this machine's. Modules receive these interfaces, never the database, so the
 * backend behind them (sqlite-office-store.ts today) can change without touching them. The tables
 * behind each are listed in docs/decisions/0018-desk-data-and-office-data.md.
 */
export interface OfficeStore {
  /** contacts, contact_phones */
  contacts: ContactRepository;
  /** calls */
  calls: CallRepository;
  /** transfers */
  transfers: TransferLog;
  /** call_progress: how far each call went in its script */
  callProgress: CallProgressStore;
  /** messages */
  messages: MessageStore;
  /** callback_tasks */
  tasks: CallbackTaskRepository;
  /** colleagues */
  colleagues: ColleagueDirectory;
  /** scripts: the office's own call scripts */
  scripts: CustomScripts;
  /** scorecards, call_scores, score_comments */
  scores: ScoreRepository;
  /** audit_log */
  audit: AuditLog;
}
