import { SessionState, type Invitation, type Inviter, type Session, type SessionDescriptionHandlerOptions, type SessionInviteOptions, type URI } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import type { ClientCard } from '../../shared/ipc/contacts.ts';
import type { EndReason, LiveCall } from '../../shared/ipc/phone.ts';
import type { Availability, RingPolicy } from '../../shared/ipc/settings.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { missingCaseError, type Logger } from '../../shared/logger.ts';
import type { HoldState } from '../../shared/phone/hold-state.ts';
import { decodeHandoffNote, HANDOFF_HEADER, type HandoffNote } from '../../shared/phone/handoff-note.ts';
import { sanitizeDisplayName } from '../../shared/text/sanitize-display-name.ts';
import type { CallProblem } from '../../shared/phone/call-problem.ts';
import type { RefusalReason } from '../../shared/ipc/refused-traffic.ts';
import { createInviteRateLimit } from './invite-rate-limit.ts';
import { inviteSource } from './invite-source.ts';
import { isAnswerableOffer } from './answerable-offer.ts';
import { storedDialogOf, type StoredDialog } from './orphaned-dialogs.ts';
import { SessionTimer, sessionTimerAnswerHeaders, sessionTimerRefreshHeaders, sessionTimerTerms, type SessionTimerTerms } from './session-timer.ts';
import type { DeadMediaReason } from '../../shared/ipc/media.ts';
import { CallRegistry, type CallEntry } from './call-registry.ts';
import type { CallRecordPatch, CallRowFact, NewCallRecord, StoredCallStatus } from './call-row-facts.ts';
import { CallTransfers, withProblem, type TransferResult, type TransferStore } from './call-transfers.ts';
import { sendDtmf } from './call-dtmf.ts';
import { RingPolicyRunner } from './ring-policy.ts';

export type { CallRecordPatch, NewCallRecord, StoredCallStatus } from './call-row-facts.ts';
export type { NewTransferRecord, TransferResult } from './call-transfers.ts';

/** How long an ended call stays on screen ("Call ended — caller hung up"). */
const ENDED_CALL_LINGER_MS = 4000;
/** Hang up waits at most this long for a re-INVITE's offer from the window before it says BYE anyway. */
const RE_INVITE_SEND_GRACE_MS = 2000;

/** An INVITE refused before it rang the desk: counted, never stored as a call. */
export interface RefusedInviteRecord {
  at: number;
  reason: RefusalReason;
  /** host:port of its bottom Via (invite-source.ts). */
  source: string;
}

/** The narrow view of storage the phone needs (the calls' rows are written from its facts, not here). */
export interface CallManagerStore extends TransferStore {
  cardForNumber(rawNumber: string): Promise<ClientCard>;
  recordRefused(refusal: RefusedInviteRecord): Promise<void>;
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
  /** What happened to a call, for its row in the history (src/main/calls/call-rows-writer.ts); resolves once written. */
  onCallFact(fact: CallRowFact): Promise<void>;
  /** Called before a SIP session's media handler is created, to tie it to the call id. */
  bindSession(session: Session, callId: string): void;
  /** Sends DTMF in the media (RFC 4733); false when the call's media cannot. */
  sendDtmfInMedia(callId: string, tones: string): Promise<boolean>;
  /** A colleague's extension or a number as a SIP URI on the office's PBX (refuses bad input). */
  uriFor(target: string): URI;
  /** An outgoing call on the office's account (refuses when not registered). */
  makeInviter(target: URI, extraHeaders: string[]): Inviter;
}

/**
 * The live calls' SIP side: incoming calls (refused, or rung through the ring policy), outgoing
 * calls, answer, hang up, hold, media and session timers. The calls and their sub-states are held
 * by the registry; ring policy, transfers and DTMF are their own parts; rows are written from the
 * facts it states (onCallFact).
 */
export class CallManager {
  private readonly deps: CallManagerDeps;
  private readonly registry: CallRegistry;
  private readonly ring: RingPolicyRunner;
  private readonly transfers: CallTransfers;
  /** Lines taken by INVITEs whose card is still being looked up (they have no entry yet). */
  private reservedLines = 0;
  private readonly inviteLimit = createInviteRateLimit();

  constructor(deps: CallManagerDeps) {
    this.deps = deps;
    const registry = new CallRegistry((calls) => deps.onCallsChanged(calls));
    this.registry = registry;
    this.ring = new RingPolicyRunner({
      clock: deps.clock,
      log: deps.log,
      policy: () => deps.ringPolicy(),
      availability: () => deps.availability(),
      anotherCallOn: () => this.activeEntry() !== undefined,
      patch: (entry, fields) => registry.patch(entry, fields),
      markWaited: (entry) => registry.markWaited(entry),
      answerByItself: (callId) => {
        void this.answer(callId, true).catch((error: unknown) => deps.log.warn('Auto-answer did not happen', { error: String(error) }));
      },
      ringingTimedOut: (entry, byExpires) => {
        registry.note(entry, { endReason: 'no-answer-in-time' });
        // An expired INVITE gets 487 (RFC 3261 §13.3.1); the desk's own limit is "no answer" (480, RFC 3398).
        void entry.invitation?.reject(byExpires ? { statusCode: 487, reasonPhrase: 'Request Terminated' } : { statusCode: 480, reasonPhrase: 'No Answer In Time' }).catch(() => undefined);
      },
    });
    this.transfers = new CallTransfers({
      clock: deps.clock,
      log: deps.log,
      store: deps.store,
      newId: () => deps.newId(),
      uriFor: (target) => deps.uriFor(target),
      require: (callId) => this.require(callId),
      get: (callId) => registry.get(callId),
      patch: (entry, fields) => registry.patch(entry, fields),
      setTransfer: (entry, to, fields) => registry.setTransfer(entry, to, fields),
      handedOver: (entry) => {
        if (entry.release !== 'handed-over') registry.release(entry, 'handed-over');
      },
      hold: (callId, on) => this.hold(callId, on),
      dial: (target, options) => this.dial(target, options),
      hangup: (callId) => this.hangup(callId),
    });
  }

  get calls(): LiveCall[] {
    return this.registry.calls;
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
    const replaced = this.registry.all().find((e) => invitation.replacee !== undefined && e.session === invitation.replacee && e.call.state === 'active');
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
    const cardAt = clock.now();
    // From here to the entry's creation nothing is awaited: the reserved line passes to the entry.
    if (invitation.state !== SessionState.Initial) {
      return this.refuse(invitation, origin, { at: inviteAt, reason: 'gone-before-ringing', source }, null);
    }
    const row: NewCallRecord = {
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
    const note = replaced?.call.handoff ?? handoff;
    const entry = this.registry.add(
      { ...freshCall({ id, direction: 'inbound', state: 'ringing', displayName, number, card, inviteAt, practice: origin === 'practice' }), handoff: note, transferCount: note?.transfers ?? 0 },
      invitation,
      invitation,
    );
    invitation.delegate = {
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('Reason') ?? '';
        // A CANCEL with cause 200 means another phone of the same account took the call.
        this.registry.note(entry, { endReason: /cause=200\b/.test(reason) ? 'answered-elsewhere' : 'missed' });
      },
    };
    invitation.stateChange.addListener((state) => this.onSessionState(entry, state));
    if (replaced) {
      // No ringing: the colleague already agreed to take this caller. Then the consult call ends.
      void this.fact({ kind: 'started', row });
      if (replaced.release !== 'handed-over') this.registry.release(replaced, 'handed-over');
      await this.accept(entry, true);
      if (replaced.session.state === SessionState.Established) await replaced.session.bye().catch(() => undefined);
      return;
    }
    invitation.progress().catch((error: unknown) => log.warn('180 Ringing was not sent', { error: String(error) }));
    // The card goes on screen first; the row is written right after (its changes wait for it).
    this.ring.start(entry, invitation);
    // Where the screen pop's time goes on this side (the bench reads it back): the card lookup, then the ringing call sent to the windows.
    log.info('Ringing', { callId: id, inviteAt, cardMs: cardAt - inviteAt, sentMs: clock.now() - inviteAt });
    void this.fact({ kind: 'started', row });
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
   * An outgoing call (from the keypad, a card, the history or a callback task): the same card,
   * script and recording as an incoming one. Resolves with the call's id once the INVITE is sent.
   */
  async dial(target: string, options: { extraHeaders?: string[]; consultFor?: string; handoff?: HandoffNote } = {}): Promise<string> {
    const { clock, log } = this.deps;
    const busy = this.registry.all().some((e) => e.call.id !== options.consultFor && (e.call.state === 'answering' || e.call.state === 'active' || e.call.state === 'dialing'));
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
    const entry = this.registry.add(
      { ...freshCall({ id, direction: 'outbound', state: 'dialing', displayName: card.contact?.name ?? '', number: target, card, inviteAt, practice: false }), consultFor: options.consultFor ?? null, handoff: options.handoff ?? null },
      inviter,
      null,
    );
    this.registry.show();
    void this.fact({ kind: 'started', row: { id, direction: 'outbound', remoteNumber: target, remoteE164: card.number.startsWith('+') ? card.number : null, remoteDisplayName: '', contactId: card.contact?.id ?? null, match: card.match, inviteAt, sipCallId: inviter.request.callId, practice: false } });
    inviter.stateChange.addListener((state) => this.onSessionState(entry, state));
    await inviter
      .invite({
        requestDelegate: {
          // 180/183: the far end rings (the screen says so; ringback is the PBX's).
          onProgress: (response) => {
            if (response.message.statusCode === 180 || response.message.statusCode === 183) this.registry.patch(entry, { ringPhase: 'on' });
          },
          onReject: (response) => {
            entry.refusal = { code: response.message.statusCode ?? 0, words: response.message.reasonPhrase ?? '' };
          },
        },
      })
      .catch((error: unknown) => {
        log.warn('The call could not be placed', { callId: id, error: String(error) });
        this.registry.note(entry, { error: error instanceof Error ? error.message : String(error) });
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

  private async accept(entry: CallEntry, auto: boolean): Promise<void> {
    const callId = entry.call.id;
    const { clock, log } = this.deps;
    this.ring.stop(callId);
    entry.autoAnswered = auto;
    const answeredAt = clock.now();
    this.registry.moveTo(entry, 'answering', { answeredAt, ringPhase: 'none', autoAnswerOnRing: null });
    void this.persist(callId, { rings: entry.call.ring, answeredAt, answerMs: answeredAt - entry.call.inviteAt, autoAnswered: auto });
    log.info(auto ? 'Answering by itself' : 'Answering', { callId, ring: entry.call.ring });
    const request = entry.invitation?.request;
    entry.sessionTerms = request ? sessionTimerTerms(request.getHeader('Session-Expires'), request.getHeaders('Supported')) : null;
    try {
      await entry.invitation?.accept(entry.sessionTerms ? { extraHeaders: sessionTimerAnswerHeaders(entry.sessionTerms) } : undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error('The call could not be answered', { callId, error: message });
      this.registry.note(entry, { error: message });
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
        this.hungUpHere(entry);
        await this.reInviteSent(entry);
        if (entry.session.state === SessionState.Established) await entry.session.bye();
        else if (!hasEnded(entry.call)) await entry.invitation?.reject({ statusCode: 480 }).catch(() => undefined);
        return;
      case 'dialing':
        this.hungUpHere(entry);
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
    this.hungUpHere(entry);
    // 486 for a waiting call (the line is busy), 603 when the person chose not to take it.
    const statusCode = entry.call.waiting ? 486 : 603;
    await entry.invitation?.reject({ statusCode }).catch(() => undefined);
  }

  /** A second click of Hang up, or one during a transfer that completed, changes nothing more. */
  private hungUpHere(entry: CallEntry): void {
    if (entry.release === 'none') this.registry.release(entry, 'hung-up-here');
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
    if (entry.holdRequest !== 'idle') throw new RpcError('hold-pending', 'Wait for the phone system to answer the last hold or resume.');
    this.registry.requestHold(entry, on ? 'hold-pending' : 'resume-pending');
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
      if (entry.release === 'none') throw error;
    } finally {
      this.registry.requestHold(entry, 'idle');
    }
  }

  /** A completed offer/answer exchange says who holds the call now. */
  holdStateChanged(callId: string, hold: HoldState): void {
    const entry = this.registry.get(callId);
    if (!entry || entry.call.state === 'ended' || entry.call.hold === hold) return;
    const now = this.deps.clock.now();
    const wasHolding = entry.call.holdSince !== null;
    const holding = hold === 'local' || hold === 'both';
    if (wasHolding && !holding) {
      entry.holdMs += now - (entry.call.holdSince ?? now);
      this.registry.patch(entry, { hold, holdSince: null, resumedAt: now });
    } else if (!wasHolding && holding) {
      this.registry.patch(entry, { hold, holdSince: now });
    } else {
      this.registry.patch(entry, { hold });
    }
    this.deps.log.info('Hold state', { callId, hold });
  }

  /** Calls whose audio a window carries now (see MediaHostWatch). */
  callsWithMedia(): string[] {
    return this.registry
      .all()
      .filter((e) => e.call.state === 'active' && e.session.state === SessionState.Established)
      .map((e) => e.call.id);
  }

  isLive(callId: string): boolean {
    const entry = this.registry.get(callId);
    return entry !== undefined && entry.call.state !== 'ended';
  }

  /** What happened to a live call's audio, on screen; null clears it. */
  setMediaProblem(callId: string, problem: CallProblem | null): void {
    const entry = this.registry.get(callId);
    if (!entry || entry.call.state === 'ended') return;
    this.registry.patch(entry, problem ? withProblem(problem) : { error: null, problem: null });
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
    const entry = this.registry.get(callId);
    if (!entry || entry.call.state === 'ended') return;
    this.registry.note(entry, withProblem(problem));
    this.end(entry, 'system', 'media-lost');
    if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
  }

  /**
   * The window found the call's media dead (the connection lost, or no sound for a while) though no
   * BYE came — the far end gone, or its BYE lost in a PBX restart: the call ends with a BYE rather
   * than stay on screen and make every next call a waiting one.
   */
  async endDeadMedia(callId: string, reason: DeadMediaReason): Promise<void> {
    const entry = this.registry.get(callId);
    if (!entry || entry.call.state !== 'active') return;
    this.deps.log.warn('The call’s media is dead: ending the call', { callId, reason });
    this.end(entry, 'system', 'media-dead');
    if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
  }

  /** A call answered with a session timer (RFC 4028) keeps it while talking: refreshed, or ended when refreshes stop. */
  private startSessionTimer(entry: CallEntry): void {
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
  private refreshSession(entry: CallEntry, extraHeaders: string[]): Promise<boolean> {
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
  private reInvite(entry: CallEntry, options: SessionInviteOptions): Promise<unknown> {
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
  private reInviteSent(entry: CallEntry): Promise<void> {
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

  /** Blind transfer (REFER): see CallTransfers.blind. */
  blindTransfer(callId: string, target: string): Promise<TransferResult> {
    return this.transfers.blind(callId, target);
  }

  /** Warm transfer, step 1: see CallTransfers.consult. */
  consult(callId: string, target: string, note: HandoffNote): Promise<string> {
    return this.transfers.consult(callId, target, note);
  }

  /** Warm transfer, step 2: see CallTransfers.complete. */
  completeTransfer(callId: string): Promise<TransferResult> {
    return this.transfers.complete(callId);
  }

  /** Warm transfer given up: see CallTransfers.cancel. */
  cancelTransfer(callId: string): Promise<void> {
    return this.transfers.cancel(callId);
  }

  /** DTMF from the keypad (call-dtmf.ts), during a call only. */
  async sendDtmf(callId: string, tones: string): Promise<'media' | 'info'> {
    const entry = this.require(callId);
    if (entry.call.state !== 'active') throw new RpcError('not-active-tones', 'Tones can only be sent during a call.');
    return sendDtmf({ sendInMedia: (id, t) => this.deps.sendDtmfInMedia(id, t) }, callId, entry.session, tones);
  }

  /** The person's availability or the ring policy changed: ringing calls re-decide auto-answer. */
  refresh(): void {
    for (const entry of this.registry.all()) this.ring.reconsider(entry);
  }

  /** A contact was saved or imported: live calls show (and store) the card as it is now. */
  async refreshCards(): Promise<void> {
    for (const entry of this.registry.all()) {
      if (entry.call.state === 'ended') continue;
      const card = await this.deps.store.cardForNumber(entry.call.number);
      if (this.registry.get(entry.call.id) !== entry) continue;
      const contactChanged = card.contact?.id !== entry.call.card.contact?.id;
      this.registry.patch(entry, { card });
      if (contactChanged) await this.persist(entry.call.id, { contactId: card.contact?.id ?? null });
    }
  }

  async dispose(): Promise<void> {
    for (const entry of this.registry.all()) {
      this.ring.stop(entry.call.id);
      entry.sessionTimer?.stop();
      if (entry.lingerTimer !== null) this.deps.clock.clearTimeout(entry.lingerTimer);
      if (entry.call.state === 'active') await entry.session.bye().catch(() => undefined);
      if (entry.call.state === 'ringing') {
        // Ringside stopping ends it, not the ring limit.
        this.registry.note(entry, { endReason: 'interrupted' });
        await entry.invitation?.reject({ statusCode: 480 }).catch(() => undefined);
      }
      if (entry.call.state === 'dialing') await (entry.session as Inviter).cancel().catch(() => undefined);
    }
    this.registry.clear();
  }

  private onSessionState(entry: CallEntry, state: SessionState): void {
    switch (state) {
      case SessionState.Initial:
      case SessionState.Establishing:
      case SessionState.Terminating:
        return;
      case SessionState.Established:
        return this.established(entry);
      case SessionState.Terminated:
        return this.terminated(entry);
      default:
        throw missingCaseError(state);
    }
  }

  private established(entry: CallEntry): void {
    if (entry.call.state === 'answering') this.registry.moveTo(entry, 'active');
    if (entry.call.state === 'dialing') {
      const answeredAt = this.deps.clock.now();
      this.registry.moveTo(entry, 'active', { answeredAt, ringPhase: 'none' });
      void this.persist(entry.call.id, { status: 'answered', answeredAt, answerMs: answeredAt - entry.call.inviteAt });
    } else {
      void this.persist(entry.call.id, { status: 'answered' });
    }
    this.startSessionTimer(entry);
    this.rememberDialog(entry);
    this.refresh();
  }

  private terminated(entry: CallEntry): void {
    if (entry.call.state === 'ended') return;
    const wasTalking = entry.call.state === 'active';
    if (entry.release === 'handed-over') this.end(entry, 'agent', 'transferred');
    // sip.js reports the refusal to the INVITE's delegate only after this state change.
    else if (entry.call.state === 'dialing') void Promise.resolve().then(() => this.endUnanswered(entry));
    else if (entry.release === 'hung-up-here') this.end(entry, 'agent', wasTalking ? 'agent-hung-up' : 'declined');
    else if (wasTalking) this.end(entry, 'caller', 'caller-hung-up');
    else if (entry.call.state === 'answering') this.end(entry, 'system', 'failed');
    // Ringing ends by a CANCEL or by Ringside stopping (both set the reason first), or by a
    // time limit: the desk's (ring policy), or sip.js's own Expires and no-answer timers.
    else {
      const endReason = entry.call.endReason ?? 'no-answer-in-time';
      this.end(entry, endReason === 'missed' ? 'caller' : 'system', endReason);
    }
  }

  /** An outbound call that was never answered: cancelled here, refused there, or no answer. */
  private endUnanswered(entry: CallEntry): void {
    if (entry.release !== 'none') return this.end(entry, 'agent', 'agent-hung-up');
    const code = entry.refusal?.code ?? 0;
    if (code === 486 || code === 600) return this.end(entry, 'caller', 'busy');
    if (code === 603) return this.end(entry, 'caller', 'declined');
    if (code === 0 || code === 408 || code === 480 || code === 487) return this.end(entry, 'caller', 'missed');
    this.registry.note(entry, withProblem({ code: 'call-failed', params: { target: entry.call.number, detail: `${code} ${entry.refusal?.words ?? ''}`.trim() } }));
    this.end(entry, 'system', 'failed');
  }

  private end(entry: CallEntry, endedBy: 'caller' | 'agent' | 'system', endReason: EndReason): void {
    if (entry.call.state === 'ended') return;
    const { clock } = this.deps;
    this.ring.stop(entry.call.id);
    entry.sessionTimer?.stop();
    const endedAt = clock.now();
    const answeredAt = entry.call.answeredAt;
    const talked = entry.call.state === 'active' && answeredAt !== null;
    const rings = entry.call.ring;
    const holdMs = entry.holdMs + (entry.call.holdSince !== null ? endedAt - entry.call.holdSince : 0);
    this.registry.moveTo(entry, 'ended', { endedAt, endedBy, endReason, ringPhase: 'none', autoAnswerOnRing: null });
    const status: StoredCallStatus = talked ? 'answered' : endReason === 'declined' || endReason === 'busy' ? 'rejected' : endReason === 'failed' ? 'failed' : 'missed';
    void this.fact({ kind: 'ended', callId: entry.call.id, patch: { status, rings, endedAt, endedBy, endReason, durationMs: talked ? endedAt - answeredAt : null, holdMs } });
    entry.lingerTimer = clock.setTimeout(() => this.registry.remove(entry.call.id), ENDED_CALL_LINGER_MS);
    if (entry.call.consultFor !== null && entry.release !== 'handed-over') this.transfers.consultEnded(entry, endReason);
    this.forgetDialog(entry);
    this.refresh();
  }

  /** A practice call's dialog is on an in-memory wire that dies with this process: nothing to store. */
  private rememberDialog(entry: CallEntry): void {
    const dialog = entry.session.dialog;
    if (entry.call.practice || !dialog || entry.dialogStored) return;
    const callId = entry.call.id;
    entry.dialogStored = this.deps.store
      .rememberDialog(callId, storedDialogOf(dialog))
      .catch((error: unknown) => this.deps.log.error('Could not store the call’s dialog: a restart after a crash could not end it', { callId, error: String(error) }));
  }

  private forgetDialog(entry: CallEntry): void {
    const stored = entry.dialogStored;
    if (!stored) return;
    const callId = entry.call.id;
    void stored
      .then(() => this.deps.store.forgetDialog(callId))
      .catch((error: unknown) => this.deps.log.error('Could not forget the ended call’s dialog', { callId, error: String(error) }));
  }

  private persist(callId: string, patch: CallRecordPatch): Promise<void> {
    return this.fact({ kind: 'changed', callId, patch });
  }

  /** The facts' writer logs its own failures; one that throws must not break the call. */
  private fact(fact: CallRowFact): Promise<void> {
    return this.deps.onCallFact(fact).catch((error: unknown) => this.deps.log.error('A call fact was not taken', { kind: fact.kind, error: String(error) }));
  }

  private activeEntry(): CallEntry | undefined {
    return this.registry.all().find((e) => e.call.state === 'answering' || e.call.state === 'active' || e.call.state === 'dialing');
  }

  private liveCount(): number {
    return this.registry.all().filter((e) => e.call.state !== 'ended').length + this.reservedLines;
  }

  private require(callId: string): CallEntry {
    const entry = this.registry.get(callId);
    if (!entry) throw new RpcError('call-ended', 'That call has already ended.');
    return entry;
  }
}

/** Read through a function: a call's state changes while the BYE waits for a re-INVITE to go out. */
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
