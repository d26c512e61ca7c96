import { SessionState, type URI } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import type { EndReason } from '../../shared/ipc/phone.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import { callProblemInEnglish, type CallProblem } from '../../shared/phone/call-problem.ts';
import { encodeHandoffNote, HANDOFF_HEADER, sanitizeHandoffNote, type HandoffNote } from '../../shared/phone/handoff-note.ts';
import type { CallEntry, CallFields } from './call-registry.ts';
import type { Transfer } from './call-sub-states.ts';
import { replacingUri } from './refer-to-uri.ts';

export interface NewTransferRecord {
  id: string;
  callId: string;
  at: number;
  kind: 'blind' | 'warm';
  target: string;
  note: string;
}

export type TransferResult = 'completed' | 'failed' | 'declined' | 'cancelled';

/** The transfer log the transfers write. */
export interface TransferStore {
  insertTransfer(transfer: NewTransferRecord): Promise<void>;
  finishTransfer(id: string, result: TransferResult, detail: string, endedAt: number): Promise<void>;
  /** Links a warm transfer to its consult call. */
  linkConsult(transferId: string, consultCallId: string): Promise<void>;
}

/** What transfers need of the calls, given by the call manager. */
export interface TransferDelegate {
  clock: Clock;
  log: Logger;
  store: TransferStore;
  newId(): string;
  /** A colleague's extension or a number as a SIP URI on the office's PBX (refuses bad input). */
  uriFor(target: string): URI;
  /** The live call, or the call-ended refusal. */
  require(callId: string): CallEntry;
  get(callId: string): CallEntry | undefined;
  patch(entry: CallEntry, fields: CallFields): void;
  setTransfer(entry: CallEntry, to: Transfer, fields?: CallFields): void;
  /** The caller is with the colleague now: the BYE that follows ends the call as "transferred". */
  handedOver(entry: CallEntry): void;
  hold(callId: string, on: boolean): Promise<void>;
  /** The consult call: an outgoing call tied to the call it is for, with the hand-off note. */
  dial(target: string, options: { extraHeaders: string[]; consultFor: string; handoff: HandoffNote }): Promise<string>;
  hangup(callId: string): Promise<void>;
}

/** A blind transfer's outcome must be reported by the far end within this time, or the caller stays. */
const TRANSFER_REPORT_MS = 30_000;
/** After a completed warm transfer the colleague's phone ends the replaced consult call; else this desk does. */
const REPLACED_LEG_GRACE_MS = 5000;

/** Blind (REFER) and warm (consult, then REFER with Replaces) transfers of a call in progress (R20). */
export class CallTransfers {
  private readonly delegate: TransferDelegate;

  constructor(delegate: TransferDelegate) {
    this.delegate = delegate;
  }

  /**
   * Blind transfer (REFER): the caller's phone calls the target itself. Resolves once the far end
   * reports the result; on success this desk's leg ends ("transferred"), otherwise the caller stays
   * and the call says why.
   */
  async blind(callId: string, target: string): Promise<TransferResult> {
    const entry = this.transferable(callId);
    const uri = this.delegate.uriFor(target);
    const { clock, log, store } = this.delegate;
    const transferId = this.delegate.newId();
    this.delegate.setTransfer(entry, { kind: 'blind', target }, { transferCount: entry.call.transferCount + 1, error: null, problem: null });
    await store.insertTransfer({ id: transferId, callId, at: clock.now(), kind: 'blind', target, note: '' }).catch((error: unknown) => {
      log.error('Could not store the transfer', { callId, error: String(error) });
    });
    const { result, detail } = await this.referAndWait(entry, uri);
    void store.finishTransfer(transferId, result, detail, clock.now()).catch((error: unknown) => {
      log.error('Could not store the transfer result', { callId, error: String(error) });
    });
    log.info('Blind transfer', { callId, result, detail });
    // The caller may have hung up while the transfer was under way.
    if (this.delegate.get(callId) !== entry || hasEnded(entry)) return result;
    if (result === 'completed') {
      this.delegate.handedOver(entry);
      if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
    } else {
      this.delegate.setTransfer(entry, { kind: 'none' }, withProblem({ code: 'transfer-refused', params: { target, detail } }));
    }
    return result;
  }

  /**
   * Warm transfer, step 1 (R20): the caller goes on hold and this desk calls the colleague with
   * the hand-off note on the INVITE. Resolves with the consult call's id.
   */
  async consult(callId: string, target: string, note: HandoffNote): Promise<string> {
    const entry = this.transferable(callId);
    const transfers = entry.call.transferCount + 1;
    const header = `${HANDOFF_HEADER}: ${encodeHandoffNote({ ...note, transfers })}`;
    if (entry.call.hold !== 'local' && entry.call.hold !== 'both') await this.delegate.hold(callId, true);
    const { clock, log, store } = this.delegate;
    const transferId = this.delegate.newId();
    this.delegate.setTransfer(entry, { kind: 'placing-consult', target, transferId }, { transferCount: transfers, error: null, problem: null });
    await store
      .insertTransfer({ id: transferId, callId, at: clock.now(), kind: 'warm', target, note: [note.reason, note.discussed].filter(Boolean).join('\n') })
      .catch((error: unknown) => log.error('Could not store the transfer', { callId, error: String(error) }));
    try {
      const consultId = await this.delegate.dial(target, { extraHeaders: [header], consultFor: callId, handoff: sanitizeHandoffNote({ ...note, transfers }) });
      this.delegate.setTransfer(entry, { kind: 'consulting', target, transferId, consultId });
      await store.linkConsult(transferId, consultId).catch((error: unknown) => log.error('Could not link the consult call', { callId, error: String(error) }));
      return consultId;
    } catch (error) {
      this.delegate.setTransfer(entry, { kind: 'none' });
      void store.finishTransfer(transferId, 'failed', error instanceof Error ? error.message : String(error), clock.now()).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Warm transfer, step 2: the colleague has agreed; the caller's phone is asked (REFER with
   * Replaces) to take this desk's place in the consult call. Both of this desk's legs then end.
   */
  async complete(callId: string): Promise<TransferResult> {
    const entry = this.delegate.require(callId);
    const warm = entry.transfer.kind === 'consulting' ? entry.transfer : null;
    const consult = warm ? this.delegate.get(warm.consultId) : undefined;
    const dialog = consult?.session.dialog;
    if (!warm || !consult || consult.call.state !== 'active' || !dialog) {
      throw new RpcError('no-consult', 'Talk to the colleague first: the transfer completes once they have answered.');
    }
    const { clock, log, store } = this.delegate;
    const { result, detail } = await this.referAndWait(entry, replacingUri(this.delegate.uriFor(warm.target), dialog));
    void store.finishTransfer(warm.transferId, result, detail, clock.now()).catch(() => undefined);
    log.info('Warm transfer', { callId, result, detail });
    if (this.delegate.get(callId) !== entry || hasEnded(entry)) return result;
    if (result === 'completed') {
      for (const leg of [entry, consult]) this.delegate.handedOver(leg);
      if (entry.session.state === SessionState.Established) await entry.session.bye().catch(() => undefined);
      // The colleague's phone ends the consult call itself once the caller has replaced it.
      clock.setTimeout(() => {
        if (consult.session.state === SessionState.Established) void consult.session.bye().catch(() => undefined);
      }, REPLACED_LEG_GRACE_MS);
    } else {
      this.delegate.patch(entry, withProblem({ code: 'put-through-failed', params: { target: warm.target, detail } }));
    }
    return result;
  }

  /** Warm transfer given up: the consult call ends and the caller is taken off hold. */
  async cancel(callId: string): Promise<void> {
    const entry = this.delegate.require(callId);
    const warm = entry.transfer.kind === 'consulting' ? entry.transfer : null;
    if (!warm) throw new RpcError('no-transfer', 'No transfer of this call is under way.');
    this.delegate.setTransfer(entry, { kind: 'none' });
    void this.delegate.store.finishTransfer(warm.transferId, 'cancelled', '', this.delegate.clock.now()).catch(() => undefined);
    const consult = this.delegate.get(warm.consultId);
    if (consult && consult.call.state !== 'ended') await this.delegate.hangup(warm.consultId);
    if (entry.call.hold === 'local' || entry.call.hold === 'both') await this.delegate.hold(callId, false);
  }

  /** A consult call ended without the transfer: the caller is still on hold here, and the screen says why. */
  consultEnded(consult: CallEntry, endReason: EndReason): void {
    const original = consult.call.consultFor ? this.delegate.get(consult.call.consultFor) : undefined;
    const warm = original?.transfer.kind === 'consulting' ? original.transfer : null;
    if (!original || !warm || warm.consultId !== consult.call.id || original.call.state === 'ended') return;
    const declined = endReason === 'busy' || endReason === 'declined';
    const detail = consult.refusal ? `${consult.refusal.code} ${consult.refusal.words}`.trim() : endReason;
    void this.delegate.store.finishTransfer(warm.transferId, declined ? 'declined' : 'failed', detail, this.delegate.clock.now()).catch(() => undefined);
    this.delegate.setTransfer(original, { kind: 'none' }, withProblem({ code: 'consult-refused', params: { target: warm.target, detail } }));
  }

  private transferable(callId: string): CallEntry {
    const entry = this.delegate.require(callId);
    if (entry.call.state !== 'active' || entry.session.state !== SessionState.Established) {
      throw new RpcError('not-active', 'Only a call in progress can be transferred.');
    }
    if (entry.transfer.kind !== 'none') throw new RpcError('transfer-pending', 'A transfer of this call is already under way.');
    return entry;
  }

  /** Sends REFER on the call and waits for the far end's final NOTIFY (or gives up after 30 s). */
  private referAndWait(entry: CallEntry, uri: URI): Promise<{ result: TransferResult; detail: string }> {
    const { clock } = this.delegate;
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
}

/** Read through a function: a call's state changes while a transfer awaits the far end. */
function hasEnded(entry: CallEntry): boolean {
  return entry.call.state === 'ended';
}

/** A call's problem and its English words, set together. */
export function withProblem(problem: CallProblem): { error: string; problem: CallProblem } {
  return { error: callProblemInEnglish(problem), problem };
}
