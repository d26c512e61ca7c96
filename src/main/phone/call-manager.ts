import { SessionState, type Invitation, type Inviter, type Session, type SessionDescriptionHandlerOptions, type SessionInviteOptions, type URI } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import type { ClientCard } from '../../shared/ipc/contacts.ts';
import type { EndReason, LiveCall } from '../../shared/ipc/phone.ts';
import type { Availability, RingPolicy } from '../../shared/ipc/settings.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { missingCaseError, type Logger } from '../../shared/logger.ts';
import { transitionCallState } from '../../shared/phone/call-state.ts';
import type { HoldState } from '../../shared/phone/hold-state.ts';
import { decodeHandoffNote, encodeHandoffNote, HANDOFF_HEADER, sanitizeHandoffNote, type HandoffNote } from '../../shared/phone/handoff-note.ts';
import { ringCompletesAtMs, ringPositionAt } from '../../shared/phone/ring-cadence.ts';
import { sanitizeDisplayName } from '../../shared/text/sanitize-display-name.ts';
import { replacingUri } from './refer-to-uri.ts';
import { callProblemInEnglish, type CallProblem } from '../../shared/phone/call-problem.ts';
import type { RefusalReason } from '../../shared/ipc/refused-traffic.ts';
import { createInviteRateLimit } from './invite-rate-limit.ts';
import { inviteSource } from './invite-source.ts';
import { isAnswerableOffer } from './answerable-offer.ts';
import { storedDialogOf, type StoredDialog } from './orphaned-dialogs.ts';
import { SessionTimer, sessionTimerAnswerHeaders, sessionTimerRefreshHeaders, sessionTimerTerms, type SessionTimerTerms } from './session-timer.ts';
import type { DeadMediaReason } from '../../shared/ipc/media.ts';

/** How long an ended call stays on screen ("Call ended — caller hung up"). */
const ENDED_CALL_LINGER_MS = 4000;

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

export interface NewTransferRecord {
  id: string;
  callId: string;
  at: number;
  kind: 'blind' | 'warm';
  target: string;
  note: string;
}

export type TransferResult = 'completed' | 'failed' | 'declined' | 'cancelled';

/** An INVITE refused before it rang the desk: counted, never stored as a call. */
export interface RefusedInviteRecord {
  at: number;
  reason: RefusalReason;
  /** host:port of its bottom Via (invite-source.ts). */
  source: string;
}

/** The narrow view of storage the phone needs. */
export interface CallManagerStore {
  cardForNumber(rawNumber: string): Promise<ClientCard>;
  recordRefused(refusal: RefusedInviteRecord): Promise<void>;
  insertCall(call: NewCallRecord): Promise<void>;
  updateCall(id: string, patch: CallRecordPatch): Promise<void>;
  insertTransfer(transfer: NewTransferRecord): Promise<void>;
  finishTransfer(id: string, result: TransferResult, detail: string, endedAt: number): Promise<void>;
  /** Links a warm transfer to its consult call. */
  linkConsult(transferId: string, consultCallId: string): Promise<void>;
  /** An established call's SIP dialog: a main side restarted after dying mid-call ends the call with it. */
  rememberDialog(callId: string, dialog: StoredDialog): Promise<void>;
  /** The call ended here: nothing is left to end after a restart. */
  forgetDialog(callId: string): Promise<void>;
}

export interface CallManagerDeps {
  clock: Clock;
  log: Logger;
  store: CallManagerStore;
  newId(): string;
  ringPolicy(): RingPolicy;
  availability(): Availability;
  /** Every change of the live calls, for the UI. */
  onCallsChanged(calls: LiveCall[]): void;
  /** A call was stored or its record changed for good (it ended). */
  onCallStored(): void;
  /** Called before a SIP session's media handler is created, to tie it to the call id. */
  bindSession(session: Session, callId: string): void;
  /** Sends DTMF in the media (RFC 4733); false when the call's media cannot. */
  sendDtmfInMedia(callId: string, tones: string): Promise<boolean>;
  /** A colleague's extension or a number as a SIP URI on the office's PBX (refuses bad input). */
  uriFor(target: string): URI;
  /** An outgoing call on the office's account (refuses when not registered). */
  makeInviter(target: URI, extraHeaders: string[]): Inviter;
}

/** A blind transfer's outcome must be reported by the far end within this time, or the caller stays. */
const TRANSFER_REPORT_MS = 30_000;
/** After a completed warm transfer the colleague's phone ends the replaced consult call; else this desk does. */
const REPLACED_LEG_GRACE_MS = 5000;
/** Hang up waits at most this long for a re-INVITE's offer from the window before it says BYE anyway. */
const RE_INVITE_SEND_GRACE_MS = 2000;

interface Entry {
  call: LiveCall;
  /** The SIP session: an Invitation (inbound) or an Inviter (outbound). */
  session: Session;
  /** Inbound calls only: what answering and declining act on. */
  invitation: Invitation | null;
  /** Outbound calls: the far end's final refusal ("486 Busy Here"). */
  refusal: { code: number; words: string } | null;
  phaseTimer: unknown;
  /** Ends ringing at the ring timeout or the INVITE's Expires (startRingLimit). */
  ringLimitTimer: unknown;
  lingerTimer: unknown;
  autoAnswered: boolean;
  agentEnded: boolean;
  /** Once a call has rung as call waiting it is never answered by itself. */
  wasWaiting: boolean;
  /** Stored row written: updates wait for the insert. */
  stored: Promise<void>;
  /** Time on hold by this desk so far (the span in progress is added when it ends). */
  holdMs: number;
  /** Handed over to a colleague: the BYE that follows ends the call as "transferred". */
  transferred: boolean;
  /** A warm transfer under way from this call: the consult call and the stored transfer. */
  warm: { consultId: string; transferId: string; target: string } | null;
  /** The session timer the caller's INVITE offered and the answer accepted (RFC 4028), and its clock once talking. */
  sessionTerms: SessionTimerTerms | null;
  sessionTimer: SessionTimer | null;
  /** The dialog's row being written (rememberDialog), for the forgetting to wait on; null when not stored. */
  dialogStored: Promise<void> | null;
  /** A re-INVITE whose offer the window is still making: settles once it is on the wire (or could not be sent). */
  reInviteSending: Promise<void> | null;
}

/**
 * The live inbound calls: ring counting, auto-answer on ring N (R1) when the person is available
 * and not on another call, call waiting, the line limit (486 Busy Here), and a record of each call.
 */
export class CallManager {
  private readonly deps: CallManagerDeps;
  private readonly entries = new Map<string, Entry>();
  /** Lines taken by INVITEs whose card is still being looked up (they have no entry yet). */
  private reservedLines = 0;
  private readonly inviteLimit = createInviteRateLimit();

  constructor(deps: CallManagerDeps) {
    this.deps = deps;
  }

  get calls(): LiveCall[] {
    return [...this.entries.values()].map((e) => e.call);
  }

  /** A call from the PBX, or from the practice line (the same path, marked practice). */
  async handleInvite(invitation: Invitation, origin: 'pbx' | 'practice' = 'pbx'): Promise<void> {
    const { clock, log } = this.deps;
    const inviteAt = clock.now();
    const source = inviteSource(invitation.request.getHeaders('via'));
    if (origin === 'pbx' && !this.inviteLimit.allow(source, inviteAt)) {
      const retryAfter = this.inviteLimit.retryAfterSeconds(source, inviteAt);
      // 486, not 503: a proxy turns a 503 into a 500 and may stop routing to this desk at all (RFC 3261 §16.7).
      return this.refuse(invitation, origin, { at: inviteAt, reason: 'rate-limited', source }, { statusCode: 486, reasonPhrase: 'Busy Here', extraHeaders: [`Retry-After: ${retryAfter}`] });
    }
    if (origin === 'pbx' && !isAnswerableOffer(invitation.body)) {
      return this.refuse(invitation, origin, { at: inviteAt, reason: 'unusable-offer', source }, { statusCode: 488, reasonPhrase: 'Not Acceptable Here' });
    }
    const id = this.deps.newId();
    const number = invitation.remoteIdentity.uri.user ?? '';
    const displayName = sanitizeDisplayName(invitation.remoteIdentity.displayName);
    // A colleague's consult call carries a hand-off note: the card shown is the caller's (R20).
    const handoff = decodeHandoffNote(invitation.request.getHeader(HANDOFF_HEADER));
    // A caller put through by a warm transfer replaces the consult call (INVITE with Replaces).
    const replaced = [...this.entries.values()].find((e) => invitation.replacee !== undefined && e.session === invitation.replacee && e.call.state === 'active');
    // Decided and the line taken before anything is awaited, so INVITEs that arrive during the
    // card lookup see this one (a burst must never ring more calls than the line limit).
    if (!replaced && this.liveCount() >= this.deps.ringPolicy().maxLines) {
      log.info('All lines busy: refusing the call with 486', { source });
      return this.refuse(invitation, origin, { at: inviteAt, reason: 'busy', source }, { statusCode: 486, reasonPhrase: 'Busy Here' });
    }
    this.deps.bindSession(invitation, id);

    let card: ClientCard;
    this.reservedLines++;
    try {
      card = replaced ? replaced.call.card : await this.deps.store.cardForNumber(handoff?.callerNumber || number);
    } catch (error) {
      log.error('Card lookup failed', { error: String(error) });
      card = { match: 'none', number, contact: null, recentCalls: [] };
    } finally {
      this.reservedLines--;
    }
    // From here to the entry's creation nothing is awaited: the reserved line passes to the entry.
    if (invitation.state !== SessionState.Initial) {
      return this.refuse(invitation, origin, { at: inviteAt, reason: 'gone-before-ringing', source }, null);
    }
    const record: NewCallRecord = {
      id,
      direction: 'inbound',
      remoteNumber: number,
      remoteE164: card.number.startsWith('+') ? card.number : null,
      remoteDisplayName: displayName,
      contactId: card.contact?.id ?? null,
      match: card.match,
      inviteAt,
      sipCallId: invitation.request.callId,
      practice: origin === 'practice',
    };
    const store = () =>
      this.deps.store.insertCall(record).catch((error: unknown) => {
        log.error('Could not store the call', { callId: id, error: String(error) });
      });

    const note = replaced?.call.handoff ?? handoff;
    const entry = freshEntry(
      { ...freshCall({ id, direction: 'inbound', state: 'ringing', displayName, number, card, inviteAt, practice: origin === 'practice' }), handoff: note, transferCount: note?.transfers ?? 0 },
      invitation,
      invitation,
    );
    this.entries.set(id, entry);
    invitation.delegate = {
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('Reason') ?? '';
        // A CANCEL with cause 200 means another phone of the same account took the call.
        entry.call.endReason = /cause=200\b/.test(reason) ? 'answered-elsewhere' : 'missed';
      },
    };
    invitation.stateChange.addListener((state) => this.onSessionState(entry, state));
    if (replaced) {
      // No ringing: the colleague already agreed to take this caller. Then the consult call ends.
      entry.stored = store();
      replaced.transferred = true;
      replaced.agentEnded = true;
      await this.accept(entry, true);
      if (replaced.session.state === SessionState.Established) await replaced.session.bye().catch(() => undefined);
      return;
    }
    invitation.progress().catch((error: unknown) => log.warn('180 Ringing was not sent', { error: String(error) }));
    // The card goes on screen first; the row is written right after (updates wait for it).
    this.advanceRing(entry);
    this.startRingLimit(entry, invitation);
    entry.stored = store();
  }

  /**
   * Refused before it rang the desk (a flood, a malformed offer, all lines busy, gone during the
   * card lookup): nobody could have answered it, so it is not a call — counted as refused traffic.
   */
  private async refuse(invitation: Invitation, origin: 'pbx' | 'practice', refusal: RefusedInviteRecord, response: { statusCode: number; reasonPhrase: string; extraHeaders?: string[] } | null): Promise<void> {
    if (response) await invitation.reject(response).catch(() => undefined);
    if (origin === 'practice') return;
    await this.deps.store.recordRefused(refusal).catch((error: unknown) => {
      this.deps.log.error('Could not count the refused call', { reason: refusal.reason, error: String(error) });
    });
  }

  /**
   * Ringing ends at the ring timeout (Settings) or at the INVITE's Expires (RFC 3261 §20.19),
   * whichever is sooner: a lost CANCEL, or a PBX that forgets, must not hold a line for ever.
   */
  private startRingLimit(entry: Entry, invitation: Invitation): void {
    const { clock, log } = this.deps;
    const timeoutMs = this.deps.ringPolicy().ringTimeoutSeconds * 1000;
    const expiresMs = expiresHeaderMs(invitation.request.getHeader('Expires'));
    const byExpires = expiresMs !== null && expiresMs < timeoutMs;
    const limitMs = byExpires ? expiresMs : timeoutMs;
    entry.ringLimitTimer = clock.setTimeout(() => {
      entry.ringLimitTimer = null;
      if (entry.call.state !== 'ringing') return;
      log.info('Nobody answered in time: ringing ends', { callId: entry.call.id, limitMs, byExpires });
      entry.call.endReason = 'no-answer-in-time';
      // An expired INVITE gets 487 (RFC 3261 §13.3.1); the desk's own limit is "no answer" (480, RFC 3398).
      void invitation.reject(byExpires ? { statusCode: 487, reasonPhrase: 'Request Terminated' } : { statusCode: 480, reasonPhrase: 'No Answer In Time' }).catch(() => undefined);
    }, Math.max(0, limitMs - (clock.now() - entry.call.inviteAt)));
  }

  /**
   * An outgoing call (from the keypad, a card, the history or a callback task): the same card,
   * script and recording as an incoming one. Resolves with the call's id once the INVITE is sent.
   */
  async dial(target: string, options: { extraHeaders?: string[]; consultFor?: string; handoff?: HandoffNote } = {}): Promise<string> {
    const { clock, log } = this.deps;
    const busy = [...this.entries.values()].some((e) => e.call.id !== options.consultFor && (e.call.state === 'answering' || e.call.state === 'active' || e.call.state === 'dialing'));
    if (busy) throw new RpcError('line-busy', 'Finish the current call first.');
    const uri = this.deps.uriFor(target);
    const inviter = this.deps.makeInviter(uri, options.extraHeaders ?? []);
    const id = this.deps.newId();
    const inviteAt = clock.now();
    this.deps.bindSession(inviter, id);
    let card: ClientCard;
    try {
      card = await this.deps.store.cardForNumber(target);
    } catch (error) {
      log.error('Card lookup failed', { error: String(error) });
      card = { match: 'none', number: target, contact: null, recentCalls: [] };
    }
    const entry = freshEntry(
      { ...freshCall({ id, direction: 'outbound', state: 'dialing', displayName: card.contact?.name ?? '', number: target, card, inviteAt, practice: false }), consultFor: options.consultFor ?? null, handoff: options.handoff ?? null },
      inviter,
      null,
    );
    this.entries.set(id, entry);
    this.emit();
    entry.stored = this.deps.store
      .insertCall({ id, direction: 'outbound', remoteNumber: target, remoteE164: card.number.startsWith('+') ? card.number : null, remoteDisplayName: '', contactId: card.contact?.id ?? null, match: card.match, inviteAt, sipCallId: inviter.request.callId, practice: false })
      .catch((error: unknown) => log.error('Could not store the call', { callId: id, error: String(error) }));
    inviter.stateChange.addListener((state) => this.onSessionState(entry, state));
    await inviter
      .invite({
        requestDelegate: {
          // 180/183: the far end rings (the screen says so; ringback is the PBX's).
          onProgress: (response) => {
            if (response.message.statusCode === 180 || response.message.statusCode === 183) this.update(entry, { ringPhase: 'on' });
          },
          onReject: (response) => {
            entry.refusal = { code: response.message.statusCode ?? 0, words: response.message.reasonPhrase ?? '' };
          },
        },
      })
      .catch((error: unknown) => {
        log.warn('The call could not be placed', { callId: id, error: String(error) });
        entry.call = { ...entry.call, error: error instanceof Error ? error.message : String(error) };
        this.end(entry, 'system', 'failed');
      });
    log.info('Calling', { callId: id });
    return id;
  }

  /** The person answers (click, keyboard) or the ring policy does. */
  async answer(callId: string, auto = false): Promise<void> {
    const entry = this.require(callId);
    if (entry.call.state !== 'ringing') throw new RpcError('not-ringing', 'This call is no longer ringing.');
    if (this.activeEntry()) {
      throw new RpcError('line-busy-waiting', 'Finish the current call before answering the waiting one.');
    }
    await this.accept(entry, auto);
  }

  private async accept(entry: Entry, auto: boolean): Promise<void> {
    const callId = entry.call.id;
    const { clock, log } = this.deps;
    this.clearPhaseTimer(entry);
    this.clearRingLimit(entry);
    entry.autoAnswered = auto;
    const answeredAt = clock.now();
    this.update(entry, {
      state: transitionCallState(entry.call.state, 'answering'),
      answeredAt,
      ringPhase: 'none',
      autoAnswerOnRing: null,
    });
    void this.persist(callId, {
      rings: entry.call.ring,
      answeredAt,
      answerMs: answeredAt - entry.call.inviteAt,
      autoAnswered: auto,
    });
    log.info(auto ? 'Answering by itself' : 'Answering', { callId, ring: entry.call.ring });
    const request = entry.invitation?.request;
    entry.sessionTerms = request ? sessionTimerTerms(request.getHeader('Session-Expires'), request.getHeaders('Supported')) : null;
    try {
      await entry.invitation?.accept(entry.sessionTerms ? { extraHeaders: sessionTimerAnswerHeaders(entry.sessionTerms) } : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error('The call could not be answered', { callId, error: message });
      entry.call.error = message;
      if (entry.session.state !== SessionState.Terminated) {
        await entry.invitation?.reject({ statusCode: 500 }).catch(() => undefined);
      }
      this.end(entry, 'system', 'failed');
    }
  }

  async hangup(callId: string): Promise<void> {
    const entry = this.require(callId);
    switch (entry.call.state) {
      case 'ringing':
        return this.decline(callId);
      case 'answering':
      case 'active':
        entry.agentEnded = true;
        await this.reInviteSent(entry);
        if (entry.session.state === SessionState.Established) await entry.session.bye();
        else if (!hasEnded(entry.call)) await entry.invitation?.reject({ statusCode: 480 }).catch(() => undefined);
        return;
      case 'dialing':
        entry.agentEnded = true;
        await (entry.session as Inviter).cancel().catch(() => undefined);
        return;
      case 'ended':
        return;
      default:
        throw missingCaseError(entry.call.state);
    }
  }

  async decline(callId: string): Promise<void> {
    const entry = this.require(callId);
    if (entry.call.state !== 'ringing') throw new RpcError('not-ringing', 'This call is no longer ringing.');
    entry.agentEnded = true;
    // 486 for a waiting call (the line is busy), 603 when the person chose not to take it.
    const statusCode = entry.call.waiting ? 486 : 603;
    await entry.invitation?.reject({ statusCode }).catch(() => undefined);
  }

  /**
   * Hold or resume by re-INVITE (R18). The call's hold state changes only when the other side's
   * answer arrives (see holdStateChanged), never on the click itself.
   */
  async hold(callId: string, on: boolean): Promise<void> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active' || entry.session.state !== SessionState.Established) {
      throw new RpcError('not-active-hold', 'Only a call in progress can be put on hold.');
    }
    if (entry.call.holdPending) throw new RpcError('hold-pending', 'Wait for the phone system to answer the last hold or resume.');
    this.update(entry, { holdPending: on ? 'hold' : 'resume' });
    try {
      await new Promise<void>((resolve, reject) => {
        const options: SessionDescriptionHandlerOptions & { hold: boolean } = { hold: on };
        this.reInvite(entry, {
          sessionDescriptionHandlerOptions: options,
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) =>
              reject(new RpcError(on ? 'hold-refused' : 'resume-refused', `The phone system refused to ${on ? 'hold' : 'resume'} the call: ${response.message.statusCode} ${response.message.reasonPhrase}`, { status: `${response.message.statusCode} ${response.message.reasonPhrase}` })),
          },
        }).catch(reject);
      });
    } catch (error) {
      // Hung up meanwhile: the far end's answer to a re-INVITE cut short by the BYE is no refusal.
      if (!entry.agentEnded) throw error;
    } finally {
      if (this.entries.get(callId) === entry) this.update(entry, { holdPending: null });
    }
  }

  /** A completed offer/answer exchange says who holds the call now. */
  holdStateChanged(callId: string, hold: HoldState): void {
    const entry = this.entries.get(callId);
    if (!entry || entry.call.state === 'ended' || entry.call.hold === hold) return;
    const now = this.deps.clock.now();
    const wasHolding = entry.call.holdSince !== null;
    const holding = hold === 'local' || hold === 'both';
    if (wasHolding && !holding) {
      entry.holdMs += now - (entry.call.holdSince ?? now);
      this.update(entry, { hold, holdSince: null, resumedAt: now });
    } else if (!wasHolding && holding) {
      this.update(entry, { hold, holdSince: now });
    } else {
      this.update(entry, { hold });
    }
    this.deps.log.info('Hold state', { callId, hold });
  }

  /** Calls whose audio a window carries now (see MediaHostWatch). */
  callsWithMedia(): string[] {
    return [...this.entries.values()].filter((e) => e.call.state === 'active' && e.session.state === SessionState.Established).map((e) => e.call.id);
  }

  isLive(callId: string): boolean {
    const entry = this.entries.get(callId);
    return entry !== undefined && entry.call.state !== 'ended';
  }

  /** What happened to a live call's audio, on screen; null clears it. */
  setMediaProblem(callId: string, problem: CallProblem | null): void {
    const entry = this.entries.get(callId);
    if (!entry || entry.call.state === 'ended') return;
    this.update(entry, problem ? withProblem(problem) : { error: null, problem: null });
  }

  /** Sets a call's media up again with a fresh offer from the window now attached (re-INVITE), keeping its hold. */
  async renegotiate(callId: string): Promise<void> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active' || entry.session.state !== SessionState.Established) throw new Error('The call is not in progress');
    const options: SessionDescriptionHandlerOptions & { hold: boolean } = { hold: entry.call.hold === 'local' || entry.call.hold === 'both' };
    await new Promise<void>((resolve, reject) => {
      this.reInvite(entry, {
        sessionDescriptionHandlerOptions: options,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (response) => reject(new Error(`${response.message.statusCode} ${response.message.reasonPhrase}`)),
        },
      }).catch(reject);
    });
  }

  /** No window carries the call's audio any more: it ends with a BYE so the caller is released. */
  async endWithoutMedia(callId: string, problem: CallProblem): Promise<void> {
    const entry = this.entries.get(callId);
    if (!entry || entry.call.state === 'ended') return;
    entry.call = { ...entry.call, ...withProblem(problem) };
    this.end(entry, 'system', 'media-lost');
    if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
  }

  /**
   * The window found the call's media dead (the connection lost, or no sound for a while) though no
   * BYE came — the far end gone, or its BYE lost in a PBX restart: the call ends with a BYE rather
   * than stay on screen and make every next call a waiting one.
   */
  async endDeadMedia(callId: string, reason: DeadMediaReason): Promise<void> {
    const entry = this.entries.get(callId);
    if (!entry || entry.call.state !== 'active') return;
    this.deps.log.warn('The call’s media is dead: ending the call', { callId, reason });
    this.end(entry, 'system', 'media-dead');
    if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
  }

  /** A call answered with a session timer (RFC 4028) keeps it while talking: refreshed, or ended when refreshes stop. */
  private startSessionTimer(entry: Entry): void {
    const terms = entry.sessionTerms;
    if (!terms || entry.sessionTimer) return;
    const { clock, log } = this.deps;
    const callId = entry.call.id;
    const session = entry.session;
    entry.sessionTimer = new SessionTimer({
      clock,
      terms,
      refresh: () => this.refreshSession(entry, sessionTimerRefreshHeaders(terms)),
      expired: (why) => {
        if (entry.call.state !== 'active') return;
        log.warn('The session timer ran out: ending the call', { callId, why, intervalS: terms.intervalS });
        this.end(entry, 'system', 'session-expired');
        if (session.state === SessionState.Established) void session.bye().catch(() => undefined);
      },
    });
    // The far end's refresh is a re-INVITE; its 200 OK carries the timer on (RFC 4028 §9), or the far end would drop it.
    answerRefreshesWithTimer(session, terms, () => entry.sessionTimer?.refreshed());
    log.info('Session timer', { callId, intervalS: terms.intervalS, refresher: terms.refresher });
  }

  /**
   * This desk's session refresh: a re-INVITE that keeps the call's media and hold as they are.
   * Resolves false when it could not be sent (a hold or another re-INVITE under way): tried again.
   */
  private refreshSession(entry: Entry, extraHeaders: string[]): Promise<boolean> {
    const options: SessionDescriptionHandlerOptions & { hold: boolean } = { hold: entry.call.hold === 'local' || entry.call.hold === 'both' };
    return new Promise<boolean>((resolve, reject) => {
      this.reInvite(entry, {
        requestOptions: { extraHeaders },
        sessionDescriptionHandlerOptions: options,
        requestDelegate: {
          onAccept: () => resolve(true),
          onReject: (response) => reject(new Error(`${response.message.statusCode} ${response.message.reasonPhrase}`)),
        },
      }).catch((error: unknown) => {
        this.deps.log.info('A session refresh could not be sent now: trying again', { callId: entry.call.id, error: String(error) });
        resolve(false);
      });
    });
  }

  /**
   * Every re-INVITE (hold, resume, refresh, media taken back) goes through here: sip.js makes its
   * offer first and sends it afterwards even when a BYE went out meanwhile, so Hang up waits for it.
   */
  private reInvite(entry: Entry, options: SessionInviteOptions): Promise<unknown> {
    const sent = entry.session.invite(options);
    const sending = sent.then(
      () => undefined,
      () => undefined,
    );
    entry.reInviteSending = sending;
    void sending.then(() => {
      if (entry.reInviteSending === sending) entry.reInviteSending = null;
    });
    return sent;
  }

  /** Resolves once no re-INVITE of the call is being made (no INVITE may follow its BYE), or after a grace. */
  private reInviteSent(entry: Entry): Promise<void> {
    const sending = entry.reInviteSending;
    if (!sending) return Promise.resolve();
    const { clock } = this.deps;
    return new Promise<void>((resolve) => {
      const timer = clock.setTimeout(resolve, RE_INVITE_SEND_GRACE_MS);
      void sending.then(() => {
        clock.clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Blind transfer (REFER): the caller's phone calls the target itself. Resolves once the far end
   * reports the result; on success this desk's leg ends ("transferred"), otherwise the caller stays
   * and the call says why.
   */
  async blindTransfer(callId: string, target: string): Promise<TransferResult> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active' || entry.session.state !== SessionState.Established) {
      throw new RpcError('not-active', 'Only a call in progress can be transferred.');
    }
    if (entry.call.transferring) throw new RpcError('transfer-pending', 'A transfer of this call is already under way.');
    const uri = this.deps.uriFor(target);
    const { clock, log } = this.deps;
    const transferId = this.deps.newId();
    this.update(entry, { transferring: { kind: 'blind', target }, transferCount: entry.call.transferCount + 1, error: null, problem: null });
    await this.deps.store.insertTransfer({ id: transferId, callId, at: clock.now(), kind: 'blind', target, note: '' }).catch((error: unknown) => {
      log.error('Could not store the transfer', { callId, error: String(error) });
    });
    const { result, detail } = await this.referAndWait(entry, uri);
    void this.deps.store.finishTransfer(transferId, result, detail, clock.now()).catch((error: unknown) => {
      log.error('Could not store the transfer result', { callId, error: String(error) });
    });
    log.info('Blind transfer', { callId, result, detail });
    // The caller may have hung up while the transfer was under way.
    if (!this.entries.has(callId) || hasEnded(entry.call)) return result;
    if (result === 'completed') {
      entry.transferred = true;
      entry.agentEnded = true;
      if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
    } else {
      this.update(entry, { transferring: null, ...withProblem({ code: 'transfer-refused', params: { target, detail: detail ?? '' } }) });
    }
    return result;
  }

  /** Sends REFER on the call and waits for the far end's final NOTIFY (or gives up after 30 s). */
  private referAndWait(entry: Entry, uri: URI): Promise<{ result: TransferResult; detail: string }> {
    const { clock } = this.deps;
    return new Promise((resolve) => {
      const timer = clock.setTimeout(() => resolve({ result: 'failed', detail: 'no report from the phone system' }), TRANSFER_REPORT_MS);
      const settle = (outcome: { result: TransferResult; detail: string }) => {
        clock.clearTimeout(timer);
        resolve(outcome);
      };
      entry.session
        .refer(uri, {
          requestDelegate: {
            onReject: (response) => settle({ result: 'failed', detail: `${response.message.statusCode} ${response.message.reasonPhrase}` }),
          },
          onNotify: (notification) => {
            void notification.accept().catch(() => undefined);
            const status = /^SIP\/2\.0 (\d{3})(.*)$/m.exec(notification.request.body);
            const code = Number(status?.[1] ?? 0);
            if (code < 200) return;
            const words = `${code}${status?.[2] ?? ''}`.trim();
            settle(code < 300 ? { result: 'completed', detail: '' } : { result: code === 486 || code === 600 || code === 603 ? 'declined' : 'failed', detail: words });
          },
        })
        .catch((error: unknown) => settle({ result: 'failed', detail: error instanceof Error ? error.message : String(error) }));
    });
  }

  /**
   * Warm transfer, step 1 (R20): the caller goes on hold and this desk calls the colleague with
   * the hand-off note on the INVITE. Resolves with the consult call's id.
   */
  async consult(callId: string, target: string, note: HandoffNote): Promise<string> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active' || entry.session.state !== SessionState.Established) {
      throw new RpcError('not-active', 'Only a call in progress can be transferred.');
    }
    if (entry.call.transferring) throw new RpcError('transfer-pending', 'A transfer of this call is already under way.');
    const transfers = entry.call.transferCount + 1;
    const header = `${HANDOFF_HEADER}: ${encodeHandoffNote({ ...note, transfers })}`;
    if (entry.call.hold !== 'local' && entry.call.hold !== 'both') await this.hold(callId, true);
    const { clock, log } = this.deps;
    const transferId = this.deps.newId();
    this.update(entry, { transferring: { kind: 'warm', target }, transferCount: transfers, error: null, problem: null });
    await this.deps.store
      .insertTransfer({ id: transferId, callId, at: clock.now(), kind: 'warm', target, note: [note.reason, note.discussed].filter(Boolean).join('\n') })
      .catch((error: unknown) => log.error('Could not store the transfer', { callId, error: String(error) }));
    try {
      const consultId = await this.dial(target, { extraHeaders: [header], consultFor: callId, handoff: sanitizeHandoffNote({ ...note, transfers }) });
      entry.warm = { consultId, transferId, target };
      await this.deps.store.linkConsult(transferId, consultId).catch((error: unknown) => log.error('Could not link the consult call', { callId, error: String(error) }));
      return consultId;
    } catch (error) {
      this.update(entry, { transferring: null });
      void this.deps.store.finishTransfer(transferId, 'failed', error instanceof Error ? error.message : String(error), clock.now()).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Warm transfer, step 2: the colleague has agreed; the caller's phone is asked (REFER with
   * Replaces) to take this desk's place in the consult call. Both of this desk's legs then end.
   */
  async completeTransfer(callId: string): Promise<TransferResult> {
    const entry = this.require(callId);
    const warm = entry.warm;
    const consult = warm ? this.entries.get(warm.consultId) : undefined;
    const dialog = consult?.session.dialog;
    if (!warm || !consult || consult.call.state !== 'active' || !dialog) {
      throw new RpcError('no-consult', 'Talk to the colleague first: the transfer completes once they have answered.');
    }
    const { result, detail } = await this.referAndWait(entry, replacingUri(this.deps.uriFor(warm.target), dialog));
    void this.deps.store.finishTransfer(warm.transferId, result, detail, this.deps.clock.now()).catch(() => undefined);
    this.deps.log.info('Warm transfer', { callId, result, detail });
    if (!this.entries.has(callId) || hasEnded(entry.call)) return result;
    if (result === 'completed') {
      entry.warm = null;
      for (const leg of [entry, consult]) {
        leg.transferred = true;
        leg.agentEnded = true;
      }
      if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
      // The colleague's phone ends the consult call itself once the caller has replaced it.
      this.deps.clock.setTimeout(() => {
        if (consult.session.state === SessionState.Established) void consult.session.bye().catch(() => undefined);
      }, REPLACED_LEG_GRACE_MS);
    } else {
      this.update(entry, withProblem({ code: 'put-through-failed', params: { target: warm.target, detail: detail ?? '' } }));
    }
    return result;
  }

  /** Warm transfer given up: the consult call ends and the caller is taken off hold. */
  async cancelTransfer(callId: string): Promise<void> {
    const entry = this.require(callId);
    const warm = entry.warm;
    if (!warm) throw new RpcError('no-transfer', 'No transfer of this call is under way.');
    entry.warm = null;
    void this.deps.store.finishTransfer(warm.transferId, 'cancelled', '', this.deps.clock.now()).catch(() => undefined);
    const consult = this.entries.get(warm.consultId);
    if (consult && consult.call.state !== 'ended') await this.hangup(warm.consultId);
    this.update(entry, { transferring: null });
    if (entry.call.hold === 'local' || entry.call.hold === 'both') await this.hold(callId, false);
  }

  /** DTMF from the keypad: in the media (RFC 4733), else by SIP INFO (one request per tone). */
  async sendDtmf(callId: string, tones: string): Promise<'media' | 'info'> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active') throw new RpcError('not-active-tones', 'Tones can only be sent during a call.');
    if (await this.deps.sendDtmfInMedia(callId, tones).catch(() => false)) return 'media';
    for (const tone of tones.replace(/,/g, '')) {
      await entry.session.info({
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160\r\n` } },
      });
    }
    return 'info';
  }

  /** The person's availability or the ring policy changed: ringing calls re-decide auto-answer. */
  refresh(): void {
    for (const entry of this.entries.values()) {
      if (entry.call.state === 'ringing') this.update(entry, this.ringFlags(entry));
    }
  }

  /** A contact was saved or imported: live calls show (and store) the card as it is now. */
  async refreshCards(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (entry.call.state === 'ended') continue;
      const card = await this.deps.store.cardForNumber(entry.call.number);
      if (!this.entries.has(entry.call.id)) continue;
      const contactChanged = card.contact?.id !== entry.call.card.contact?.id;
      this.update(entry, { card });
      if (contactChanged) await this.persist(entry.call.id, { contactId: card.contact?.id ?? null });
    }
  }

  async dispose(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      this.clearPhaseTimer(entry);
      this.clearRingLimit(entry);
      entry.sessionTimer?.stop();
      if (entry.lingerTimer !== null) this.deps.clock.clearTimeout(entry.lingerTimer);
      if (entry.call.state === 'active') await entry.session.bye().catch(() => undefined);
      if (entry.call.state === 'ringing') {
        // Ringside stopping ends it, not the ring limit.
        entry.call.endReason = 'interrupted';
        await entry.invitation?.reject({ statusCode: 480 }).catch(() => undefined);
      }
      if (entry.call.state === 'dialing') await (entry.session as Inviter).cancel().catch(() => undefined);
    }
    this.entries.clear();
  }

  private advanceRing(entry: Entry): void {
    const { clock } = this.deps;
    const policy = this.deps.ringPolicy();
    const cadence = { onMs: policy.ringOnMs, offMs: policy.ringOffMs };
    const elapsed = clock.now() - entry.call.inviteAt;
    const position = ringPositionAt(cadence, elapsed);
    // The decision made while the ring sounded counts, so compare before recomputing it.
    const autoRing = entry.call.autoAnswerOnRing;
    if (autoRing !== null && elapsed >= ringCompletesAtMs(cadence, autoRing)) {
      this.update(entry, { ring: autoRing });
      void this.answer(entry.call.id, true).catch((error: unknown) => {
        this.deps.log.warn('Auto-answer did not happen', { error: String(error) });
      });
      return;
    }
    this.update(entry, { ring: position.ring, ringPhase: position.phase, ...this.ringFlags(entry) });
    entry.phaseTimer = clock.setTimeout(() => {
      entry.phaseTimer = null;
      if (entry.call.state === 'ringing') this.advanceRing(entry);
    }, Math.max(1, position.nextChangeAtMs - elapsed));
  }

  private ringFlags(entry: Entry): Pick<LiveCall, 'waiting' | 'autoAnswerOnRing'> {
    const waiting = this.activeEntry() !== undefined;
    if (waiting) entry.wasWaiting = true;
    const policy = this.deps.ringPolicy();
    if (entry.wasWaiting || this.deps.availability() !== 'available' || policy.answerOnRing === null) {
      return { waiting, autoAnswerOnRing: null };
    }
    // Never answer on a ring that has already completed: a change mid-call waits for the next ring.
    const position = ringPositionAt({ onMs: policy.ringOnMs, offMs: policy.ringOffMs }, this.deps.clock.now() - entry.call.inviteAt);
    const firstPossible = position.phase === 'off' ? position.ring + 1 : position.ring;
    return { waiting, autoAnswerOnRing: Math.max(policy.answerOnRing, firstPossible) };
  }

  private onSessionState(entry: Entry, state: SessionState): void {
    switch (state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        return;
      case SessionState.Established:
        if (entry.call.state === 'answering') this.update(entry, { state: transitionCallState('answering', 'active') });
        if (entry.call.state === 'dialing') {
          const answeredAt = this.deps.clock.now();
          this.update(entry, { state: transitionCallState('dialing', 'active'), answeredAt, ringPhase: 'none' });
          void this.persist(entry.call.id, { status: 'answered', answeredAt, answerMs: answeredAt - entry.call.inviteAt });
        } else {
          void this.persist(entry.call.id, { status: 'answered' });
        }
        this.startSessionTimer(entry);
        this.rememberDialog(entry);
        this.refresh();
        return;
      case SessionState.Terminating:
        return;
      case SessionState.Terminated: {
        if (entry.call.state === 'ended') return;
        const wasTalking = entry.call.state === 'active';
        if (entry.transferred) this.end(entry, 'agent', 'transferred');
        // sip.js reports the refusal to the INVITE's delegate only after this state change.
        else if (entry.call.state === 'dialing') void Promise.resolve().then(() => this.endUnanswered(entry));
        else if (entry.agentEnded) this.end(entry, 'agent', wasTalking ? 'agent-hung-up' : 'declined');
        else if (wasTalking) this.end(entry, 'caller', 'caller-hung-up');
        else if (entry.call.state === 'answering') this.end(entry, 'system', 'failed');
        // Ringing ends by a CANCEL or by Ringside stopping (both set the reason first), or by a
        // time limit: the desk's (startRingLimit), or sip.js's own Expires and no-answer timers.
        else {
          const endReason = entry.call.endReason ?? 'no-answer-in-time';
          this.end(entry, endReason === 'missed' ? 'caller' : 'system', endReason);
        }
        return;
      }
      default:
        throw missingCaseError(state);
    }
  }

  /** A consult call ended without the transfer: the caller is still on hold here, and the screen says why. */
  private consultEnded(consult: Entry, endReason: EndReason): void {
    const original = consult.call.consultFor ? this.entries.get(consult.call.consultFor) : undefined;
    const warm = original?.warm;
    if (!original || !warm || warm.consultId !== consult.call.id || original.call.state === 'ended') return;
    original.warm = null;
    const declined = endReason === 'busy' || endReason === 'declined';
    const detail = consult.refusal ? `${consult.refusal.code} ${consult.refusal.words}`.trim() : endReason;
    void this.deps.store.finishTransfer(warm.transferId, declined ? 'declined' : 'failed', detail, this.deps.clock.now()).catch(() => undefined);
    this.update(original, { transferring: null, ...withProblem({ code: 'consult-refused', params: { target: warm.target, detail } }) });
  }

  /** An outbound call that was never answered: cancelled here, refused there, or no answer. */
  private endUnanswered(entry: Entry): void {
    if (entry.agentEnded) return this.end(entry, 'agent', 'agent-hung-up');
    const code = entry.refusal?.code ?? 0;
    if (code === 486 || code === 600) return this.end(entry, 'caller', 'busy');
    if (code === 603) return this.end(entry, 'caller', 'declined');
    if (code === 0 || code === 408 || code === 480 || code === 487) return this.end(entry, 'caller', 'missed');
    entry.call = { ...entry.call, ...withProblem({ code: 'call-failed', params: { target: entry.call.number, detail: `${code} ${entry.refusal?.words ?? ''}`.trim() } }) };
    this.end(entry, 'system', 'failed');
  }

  private end(entry: Entry, endedBy: 'caller' | 'agent' | 'system', endReason: EndReason): void {
    if (entry.call.state === 'ended') return;
    const { clock } = this.deps;
    this.clearPhaseTimer(entry);
    this.clearRingLimit(entry);
    entry.sessionTimer?.stop();
    const endedAt = clock.now();
    const answeredAt = entry.call.answeredAt;
    const talked = entry.call.state === 'active' && answeredAt !== null;
    const rings = entry.call.ring;
    const holdMs = entry.holdMs + (entry.call.holdSince !== null ? endedAt - entry.call.holdSince : 0);
    this.update(entry, { state: transitionCallState(entry.call.state, 'ended'), endedAt, endedBy, endReason, ringPhase: 'none', autoAnswerOnRing: null });
    const status: StoredCallStatus = talked ? 'answered' : endReason === 'declined' || endReason === 'busy' ? 'rejected' : endReason === 'failed' ? 'failed' : 'missed';
    void this.persist(entry.call.id, {
      status,
      rings,
      endedAt,
      endedBy,
      endReason,
      durationMs: talked ? endedAt - answeredAt : null,
      holdMs,
    }).then(() => this.deps.onCallStored());
    entry.lingerTimer = clock.setTimeout(() => {
      this.entries.delete(entry.call.id);
      this.emit();
    }, ENDED_CALL_LINGER_MS);
    if (entry.call.consultFor !== null && !entry.transferred) this.consultEnded(entry, endReason);
    this.forgetDialog(entry);
    this.refresh();
  }

  /** A practice call's dialog is on an in-memory wire that dies with this process: nothing to store. */
  private rememberDialog(entry: Entry): void {
    const dialog = entry.session.dialog;
    if (entry.call.practice || !dialog || entry.dialogStored) return;
    const callId = entry.call.id;
    entry.dialogStored = this.deps.store
      .rememberDialog(callId, storedDialogOf(dialog))
      .catch((error: unknown) => this.deps.log.error('Could not store the call’s dialog: a restart after a crash could not end it', { callId, error: String(error) }));
  }

  private forgetDialog(entry: Entry): void {
    const stored = entry.dialogStored;
    if (!stored) return;
    const callId = entry.call.id;
    void stored
      .then(() => this.deps.store.forgetDialog(callId))
      .catch((error: unknown) => this.deps.log.error('Could not forget the ended call’s dialog', { callId, error: String(error) }));
  }

  private async persist(id: string, patch: CallRecordPatch): Promise<void> {
    await this.entries.get(id)?.stored;
    try {
      await this.deps.store.updateCall(id, patch);
    } catch (error) {
      this.deps.log.error('Could not update the stored call', { callId: id, error: String(error) });
    }
  }

  private update(entry: Entry, patch: Partial<LiveCall>): void {
    entry.call = { ...entry.call, ...patch };
    this.emit();
  }

  private emit(): void {
    this.deps.onCallsChanged(this.calls);
  }

  private activeEntry(): Entry | undefined {
    return [...this.entries.values()].find((e) => e.call.state === 'answering' || e.call.state === 'active' || e.call.state === 'dialing');
  }

  private liveCount(): number {
    return [...this.entries.values()].filter((e) => e.call.state !== 'ended').length + this.reservedLines;
  }

  private clearPhaseTimer(entry: Entry): void {
    if (entry.phaseTimer !== null) this.deps.clock.clearTimeout(entry.phaseTimer);
    entry.phaseTimer = null;
  }

  private clearRingLimit(entry: Entry): void {
    if (entry.ringLimitTimer !== null) this.deps.clock.clearTimeout(entry.ringLimitTimer);
    entry.ringLimitTimer = null;
  }

  private require(callId: string): Entry {
    const entry = this.entries.get(callId);
    if (!entry) throw new RpcError('call-ended', 'That call has already ended.');
    return entry;
  }
}

/** An INVITE's Expires header (delta-seconds) in ms, or null when it has none or it cannot be read. */
function expiresHeaderMs(value: string | undefined): number | null {
  const seconds = value?.trim() ?? '';
  return /^\d{1,10}$/.test(seconds) ? Number(seconds) * 1000 : null;
}

/** Read through a function: a call's state changes while a transfer awaits the far end. */
function hasEnded(call: LiveCall): boolean {
  return call.state === 'ended';
}

function freshCall(fields: Pick<LiveCall, 'id' | 'direction' | 'state' | 'displayName' | 'number' | 'card' | 'inviteAt' | 'practice'>): LiveCall {
  return {
    ...fields,
    ring: 0,
    ringPhase: 'none',
    autoAnswerOnRing: null,
    waiting: false,
    answeredAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    error: null,
    problem: null,
    hold: 'none',
    holdPending: null,
    holdSince: null,
    resumedAt: null,
    transferCount: 0,
    transferring: null,
    consultFor: null,
    handoff: null,
  };
}

function freshEntry(call: LiveCall, session: Session, invitation: Invitation | null): Entry {
  return {
    call,
    session,
    invitation,
    refusal: null,
    phaseTimer: null,
    ringLimitTimer: null,
    lingerTimer: null,
    autoAnswered: false,
    agentEnded: false,
    wasWaiting: false,
    stored: Promise.resolve(),
    holdMs: 0,
    transferred: false,
    warm: null,
    sessionTerms: null,
    sessionTimer: null,
    dialogStored: null,
    reInviteSending: null,
  };
}

/**
 * sip.js answers a re-INVITE itself, with no way to add headers: this adds the session timer to
 * that 200 OK and tells the timer a refresh came.
 */
function answerRefreshesWithTimer(session: Session, terms: SessionTimerTerms, refreshed: () => void): void {
  const internals = session as unknown as { onInviteRequest(request: { accept(options?: { extraHeaders?: string[] }): unknown }): void };
  const handle = internals.onInviteRequest.bind(session);
  internals.onInviteRequest = (request) => {
    const accept = request.accept.bind(request);
    request.accept = (options) => {
      refreshed();
      return accept({ ...options, extraHeaders: [...(options?.extraHeaders ?? []), ...sessionTimerAnswerHeaders(terms)] });
    };
    handle(request);
  };
}

/** A call's problem and its English words, set together. */
function withProblem(problem: CallProblem): { error: string; problem: CallProblem } {
  return { error: callProblemInEnglish(problem), problem };
}
