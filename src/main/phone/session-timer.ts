import type { Clock } from '../../shared/clock.ts';
import { missingCaseError } from '../../shared/logger.ts';

/** RFC 4028 §4: no session interval below 90 s. */
const MIN_SE_S = 90;
/** A refresh that could not be sent (another re-INVITE under way) is tried again this much later. */
export const REFRESH_RETRY_MS = 5000;

/** The session timer agreed in answering an INVITE that offered one (RFC 4028 §9). */
export interface SessionTimerTerms {
  intervalS: number;
  /** Who sends the refreshes: the caller's side (uac) or this desk (uas). */
  refresher: 'uac' | 'uas';
  /** Whether the caller's side supports timers (then the answer requires them). */
  callerSupportsTimer: boolean;
}

/**
 * What an incoming INVITE's Session-Expires asks for, or null when it offers no session timer (or
 * one that cannot be read). The caller's choice of refresher stands; when it leaves the choice to
 * this desk, the desk refreshes, so the refreshes do not depend on answers sip.js sends for it.
 */
export function sessionTimerTerms(sessionExpires: string | undefined, supported: string[]): SessionTimerTerms | null {
  const match = /^\s*(\d{1,10})\s*(?:;(.*))?$/.exec(sessionExpires ?? '');
  if (!match) return null;
  const intervalS = Math.max(MIN_SE_S, Number(match[1]));
  const refresherParam = /(?:^|;)\s*refresher\s*=\s*(uac|uas)\s*(?:;|$)/i.exec(match[2] ?? '')?.[1]?.toLowerCase();
  const callerSupportsTimer = supported.some((value) => value.split(',').some((tag) => tag.trim().toLowerCase() === 'timer'));
  // A caller that does not support timers cannot refresh: this desk does (§9).
  const refresher = callerSupportsTimer && refresherParam === 'uac' ? 'uac' : 'uas';
  return { intervalS, refresher, callerSupportsTimer };
}

/** The headers of the 200 OK that accepts the terms. */
export function sessionTimerAnswerHeaders(terms: SessionTimerTerms): string[] {
  return [`Session-Expires: ${terms.intervalS};refresher=${terms.refresher}`, ...(terms.callerSupportsTimer ? ['Require: timer'] : [])];
}

/** The headers of this desk's own refresh (a re-INVITE: in it, this desk is the UAC). */
export function sessionTimerRefreshHeaders(terms: SessionTimerTerms): string[] {
  return [`Session-Expires: ${terms.intervalS};refresher=uac`, 'Supported: timer'];
}

export interface SessionTimerDeps {
  clock: Clock;
  terms: SessionTimerTerms;
  /**
   * Sends a refresh (re-INVITE): resolves true on a 2xx, false when it could not be sent now
   * (another re-INVITE of the call is under way), and rejects when the far end refused it.
   */
  refresh(): Promise<boolean>;
  /** The session is over: refreshes stopped coming, or this desk's refresh was refused. */
  expired(why: 'no-refresh' | 'refresh-failed'): void;
}

/**
 * - `waiting`: the session runs until the next refresh is due (sent here, or expected).
 * - `refreshing`: this desk's refresh is under way.
 * - `over`: expired, or stopped because the call ended.
 */
type TimerState = 'waiting' | 'refreshing' | 'over';

/**
 * A call's session timer (RFC 4028 §10): when this desk is the refresher it re-INVITEs at half the
 * interval and ends the call if that is refused; when the far end is, a call it stops refreshing
 * ends a little before the interval runs out (the lesser of 32 s and a third of it).
 */
export class SessionTimer {
  private readonly deps: SessionTimerDeps;
  private state: TimerState = 'waiting';
  private timer: unknown = null;
  /** When the session runs out unless refreshed (this desk refreshing). */
  private expiresAt = 0;

  constructor(deps: SessionTimerDeps) {
    this.deps = deps;
    this.arm();
  }

  /** A refresh arrived from the far end, or a re-INVITE of this desk (hold, resume) was answered 2xx. */
  refreshed(): void {
    switch (this.state) {
      case 'waiting':
        this.arm();
        return;
      case 'refreshing':
      case 'over':
        return;
      default:
        throw missingCaseError(this.state);
    }
  }

  stop(): void {
    this.state = 'over';
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    const { clock, terms } = this.deps;
    const intervalMs = terms.intervalS * 1000;
    if (terms.refresher === 'uas') {
      this.expiresAt = clock.now() + intervalMs;
      this.timer = clock.setTimeout(() => this.sendRefresh(), intervalMs / 2);
    } else {
      const marginMs = Math.min(32_000, intervalMs / 3);
      this.timer = clock.setTimeout(() => this.expire('no-refresh'), intervalMs - marginMs);
    }
  }

  private sendRefresh(): void {
    this.timer = null;
    if (this.state !== 'waiting') return;
    this.state = 'refreshing';
    this.deps.refresh().then(
      (sent) => {
        if (this.state !== 'refreshing') return;
        this.state = 'waiting';
        if (sent) return this.arm();
        const { clock } = this.deps;
        if (clock.now() + REFRESH_RETRY_MS >= this.expiresAt) return this.expire('refresh-failed');
        this.timer = clock.setTimeout(() => this.sendRefresh(), REFRESH_RETRY_MS);
      },
      () => {
        if (this.state === 'refreshing') this.expire('refresh-failed');
      },
    );
  }

  private expire(why: 'no-refresh' | 'refresh-failed'): void {
    this.disarm();
    this.state = 'over';
    this.deps.expired(why);
  }

  private disarm(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
