/**
 * What happened in the core, as facts other parts of main follow: the renderer refresh, the
 * after-call rules, and later the office store, call analytics and integrations. Emitted and
 * heard in main only; payloads are plain data so they can be logged or sent on unchanged.
 */
export interface DomainEvents {
  /** An incoming call started ringing at this desk (a practice call too). */
  'call.ringing': { callId: string; remoteNumber: string; practice: boolean };
  /** The call was picked up: by this desk for an incoming call, by the far end for an outgoing one. */
  'call.answered': { callId: string; at: number };
  /** The call is over, whoever ended it; `answered` is false for a missed, declined or unanswered call. */
  'call.ended': { callId: string; at: number; answered: boolean; practice: boolean };
  /** A call's row in the history was written or changed (the list and the statistics follow); null when the writer did not say which. */
  'call.stored': { callId: string | null };
  /** A call's recording file is complete on disk (finished by the window or, after a grace, by main). */
  'recording.finished': { callId: string };
  /** Recordings were deleted (retention). */
  'recordings.deleted': { recordingIds: string[] };
  /** The person on the call saved the wrap-up: outcome, next step and who does it. */
  'wrapUp.saved': { callId: string; nextStepAt: number | null };
  /** Contacts were saved, captured during a call, imported or deleted; `contactId` is null for many at once. */
  'contact.changed': { contactId: string | null; change: 'saved' | 'deleted' | 'imported' };
  /** A call-back task was created, called back or completed. */
  'task.changed': { taskId: string };
  /** A call-back task's time has come (main's clock): the desk is reminded. */
  'task.due': { taskId: string; dueAt: number };
  /** A message was taken, delivered, received or its status changed. */
  'message.changed': { messageId: string | null };
  /** The colleagues directory or a colleague's status or line changed. */
  'colleague.changed': { colleagueId: string | null };
  /** A call script was saved, imported or deleted. */
  'script.changed': { scriptId: string };
  /** A scoring or the scorecard changed. */
  'score.changed': { callId: string | null };
}

export type DomainEventName = keyof DomainEvents;
