import type { Clock } from '../../shared/clock.ts';
import { missingCaseError, type Logger } from '../../shared/logger.ts';

/**
 * What became of a live call's audio after the window carrying it went away:
 * - `lost`: no window carries it; the call waits for one until the grace period ends.
 * - `taking-back`: a window came back and the call's media is being set up again with it.
 * A call whose audio is carried has no entry.
 */
export type LostMediaState = 'lost' | 'taking-back';

export interface MediaHostWatchDeps {
  clock: Clock;
  log: Logger;
  /** How long calls wait for a window to come back before they are ended. */
  graceMs: number;
  /** The calls whose audio a window carries: answered and not ended. */
  callsWithMedia(): string[];
  isLive(callId: string): boolean;
  /** The call has just lost its audio: the screen, the call's record and its recording say so. */
  lost(callId: string): void;
  /** Sets the call's media up again with the window now attached (a re-INVITE with a fresh offer). */
  takeBack(callId: string): Promise<void>;
  /** The call's audio is back. */
  back(callId: string): void;
  /** No window took the call back: it ends (a BYE), so the caller is not left in a silent call. */
  giveUp(callId: string): void;
}

/**
 * A window (browser tab) carries the audio of every call. When it goes away mid-call — closed,
 * crashed, reloaded — the SIP call goes on in main with nobody hearing anyone: this notices it,
 * waits a grace period for a window to come back, and then either moves the calls to it or
 * ends them (docs/decisions/0014).
 */
export class MediaHostWatch {
  private readonly deps: MediaHostWatchDeps;
  private readonly calls = new Map<string, LostMediaState>();
  private graceTimer: unknown = null;

  constructor(deps: MediaHostWatchDeps) {
    this.deps = deps;
  }

  stateOf(callId: string): LostMediaState | null {
    return this.calls.get(callId) ?? null;
  }

  hostGone(): void {
    for (const callId of this.deps.callsWithMedia()) {
      const state = this.calls.get(callId);
      if (state === 'lost') continue;
      this.calls.set(callId, 'lost');
      this.deps.log.warn('The window carrying the call’s audio went away: the call is silent until a window comes back', { callId, graceMs: this.deps.graceMs });
      this.deps.lost(callId);
    }
    if (this.calls.size > 0 && this.graceTimer === null) {
      this.graceTimer = this.deps.clock.setTimeout(() => this.graceOver(), this.deps.graceMs);
    }
  }

  hostBack(): void {
    this.stopGrace();
    for (const [callId, state] of [...this.calls]) {
      switch (state) {
        case 'lost':
          this.takeBack(callId);
          break;
        case 'taking-back':
          break;
        default:
          throw missingCaseError(state);
      }
    }
  }

  dispose(): void {
    this.stopGrace();
    this.calls.clear();
  }

  private takeBack(callId: string): void {
    if (!this.deps.isLive(callId)) {
      this.calls.delete(callId);
      return;
    }
    this.calls.set(callId, 'taking-back');
    this.deps.log.info('A window is back: moving the call’s audio to it', { callId });
    this.deps.takeBack(callId).then(
      () => {
        if (this.calls.get(callId) !== 'taking-back') return;
        this.calls.delete(callId);
        this.deps.log.info('The call’s audio is back', { callId });
        this.deps.back(callId);
      },
      (error: unknown) => {
        // Lost again meanwhile (the new window went away too): the grace period decides.
        if (this.calls.get(callId) !== 'taking-back') return;
        this.calls.delete(callId);
        this.deps.log.warn('The call’s audio could not be moved to the window: ending the call', { callId, error: String(error) });
        if (this.deps.isLive(callId)) this.deps.giveUp(callId);
      },
    );
  }

  private graceOver(): void {
    this.graceTimer = null;
    for (const [callId, state] of [...this.calls]) {
      if (state !== 'lost') continue;
      this.calls.delete(callId);
      if (!this.deps.isLive(callId)) continue;
      this.deps.log.warn('No window came back for the call: ending it', { callId });
      this.deps.giveUp(callId);
    }
  }

  private stopGrace(): void {
    if (this.graceTimer !== null) this.deps.clock.clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}
