import type { Invitation, Session } from 'sip.js';
import type { CallState, LiveCall } from '../../shared/ipc/phone.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { transitionCallState } from '../../shared/phone/call-state.ts';
import type { SessionTimer, SessionTimerTerms } from './session-timer.ts';
import {
  transitionHoldRequest,
  transitionRelease,
  transitionTransfer,
  transitionWaiting,
  type HoldRequest,
  type Release,
  type Transfer,
  type Waiting,
} from './call-sub-states.ts';

/** What a call shows that its state machines do not decide: changed freely, never its state. */
export type CallFields = Partial<Omit<LiveCall, 'id' | 'state' | 'holdPending' | 'transferring'>>;

/** One live call: what the screen shows, its SIP session, and its sub-states (call-sub-states.ts). */
export interface CallEntry {
  /** Replaced only through the registry, which guards every state change. */
  readonly call: Readonly<LiveCall>;
  /** The SIP session: an Invitation (inbound) or an Inviter (outbound). */
  readonly session: Session;
  /** Inbound calls only: what answering and declining act on. */
  readonly invitation: Invitation | null;
  readonly release: Release;
  readonly holdRequest: HoldRequest;
  readonly transfer: Transfer;
  readonly waiting: Waiting;
  /** Outbound calls: the far end's final refusal ("486 Busy Here"). */
  refusal: { code: number; words: string } | null;
  lingerTimer: unknown;
  autoAnswered: boolean;
  /** Time on hold by this desk so far (the span in progress is added when it ends). */
  holdMs: number;
  /** The session timer the caller's INVITE offered and the answer accepted (RFC 4028), and its clock once talking. */
  sessionTerms: SessionTimerTerms | null;
  sessionTimer: SessionTimer | null;
  /** The dialog's row being written (rememberDialog), for the forgetting to wait on; null when not stored. */
  dialogStored: Promise<void> | null;
  /** A re-INVITE whose offer the window is still making: settles once it is on the wire (or could not be sent). */
  reInviteSending: Promise<void> | null;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The live calls and the only way their state and sub-states change: each change goes through
 * its transition guard, and every change is published (onChange) with the fields the screen
 * reads from the sub-states (holdPending, transferring) derived here, never set by hand.
 */
export class CallRegistry {
  private readonly entries = new Map<string, Writable<CallEntry>>();
  private readonly onChange: (calls: LiveCall[]) => void;

  constructor(onChange: (calls: LiveCall[]) => void) {
    this.onChange = onChange;
  }

  get calls(): LiveCall[] {
    return [...this.entries.values()].map((e) => e.call);
  }

  all(): CallEntry[] {
    return [...this.entries.values()];
  }

  get(callId: string): CallEntry | undefined {
    return this.entries.get(callId);
  }

  /** A new call; `call.state` is its first state (ringing or dialing). Shown with its first change (the first ring's, or `show`). */
  add(call: LiveCall, session: Session, invitation: Invitation | null): CallEntry {
    const entry: Writable<CallEntry> = {
      call: { ...call, holdPending: null, transferring: null },
      session,
      invitation,
      release: 'none',
      holdRequest: 'idle',
      transfer: { kind: 'none' },
      waiting: 'never',
      refusal: null,
      lingerTimer: null,
      autoAnswered: false,
      holdMs: 0,
      sessionTerms: null,
      sessionTimer: null,
      dialogStored: null,
      reInviteSending: null,
    };
    this.entries.set(call.id, entry);
    return entry;
  }

  show(): void {
    this.publish();
  }

  /** Gone from the screen (an ended call after its linger, or all at once when stopping). */
  remove(callId: string): void {
    if (this.entries.delete(callId)) this.publish();
  }

  clear(): void {
    this.entries.clear();
  }

  /** The one way a call's state changes (src/shared/phone/call-state.ts guards it). */
  moveTo(entry: CallEntry, to: CallState, fields: CallFields = {}): void {
    const state = transitionCallState(entry.call.state, to);
    this.write(entry, { ...fields, state });
  }

  patch(entry: CallEntry, fields: CallFields): void {
    this.write(entry, fields);
  }

  /** Kept with the call and shown with its next change (a CANCEL's reason before the session ends). */
  note(entry: CallEntry, fields: CallFields): void {
    this.mutable(entry).call = { ...entry.call, ...fields };
  }

  release(entry: CallEntry, to: Release): void {
    this.mutable(entry).release = transitionRelease(entry.release, to);
  }

  requestHold(entry: CallEntry, to: HoldRequest): void {
    this.mutable(entry).holdRequest = transitionHoldRequest(entry.holdRequest, to);
    this.write(entry, {});
  }

  setTransfer(entry: CallEntry, to: Transfer, fields: CallFields = {}): void {
    this.mutable(entry).transfer = transitionTransfer(entry.transfer, to);
    this.write(entry, fields);
  }

  /** Rang while another call was on: from now on never answered by itself. */
  markWaited(entry: CallEntry): void {
    if (entry.waiting === 'never') this.mutable(entry).waiting = transitionWaiting(entry.waiting, 'has-waited');
  }

  private write(entry: CallEntry, fields: Partial<LiveCall>): void {
    const target = this.mutable(entry);
    target.call = { ...entry.call, ...fields, holdPending: holdPendingOf(entry.holdRequest), transferring: transferringOf(entry.transfer) };
    if (this.entries.get(entry.call.id) === target) this.publish();
  }

  private mutable(entry: CallEntry): Writable<CallEntry> {
    return entry;
  }

  private publish(): void {
    this.onChange(this.calls);
  }
}

function holdPendingOf(request: HoldRequest): LiveCall['holdPending'] {
  switch (request) {
    case 'idle':
      return null;
    case 'hold-pending':
      return 'hold';
    case 'resume-pending':
      return 'resume';
    default:
      throw missingCaseError(request);
  }
}

function transferringOf(transfer: Transfer): LiveCall['transferring'] {
  switch (transfer.kind) {
    case 'none':
      return null;
    case 'blind':
      return { kind: 'blind', target: transfer.target };
    case 'placing-consult':
    case 'consulting':
      return { kind: 'warm', target: transfer.target };
    default:
      throw missingCaseError(transfer);
  }
}
