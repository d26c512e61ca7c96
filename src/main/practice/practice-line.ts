import { Inviter, SessionState, UserAgent, type Invitation, type SessionDescriptionHandlerFactory } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import { PRACTICE_CALLER_SESSION_PREFIX } from '../../shared/ipc/media.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { missingCaseError, type Logger } from '../../shared/logger.ts';
import { practiceClipPath, type PracticeScenario } from '../../shared/scripts/practice-scenario.ts';
import { InMemorySipWire } from './in-memory-sip-wire.ts';

/** A simulated caller gives up after ringing this long, like a real one. */
const CALLER_GIVES_UP_MS = 60_000;
const PRACTICE_DOMAIN = 'practice.ringside.invalid';
const DESK_USER = 'desk';
const WIRE_DRAIN_MS = 2000;

export interface PracticeLineDeps {
  clock: Clock;
  log: Logger;
  newId(): string;
  /** The desk's media: the same handler factory as PBX calls use. */
  deskMedia: SessionDescriptionHandlerFactory;
  /** The simulated caller's media: a session of the renderer's engine that plays clips. */
  callerMedia(sessionId: string): SessionDescriptionHandlerFactory;
  /** The simulated caller says one line; resolves with the clip's length once it plays. */
  say(sessionId: string, clipPath: string): Promise<{ durationMs: number }>;
  /** The call arrives at the desk: the same call path as a PBX call. */
  onInvite(invitation: Invitation): void;
}

interface Rehearsal {
  caller: UserAgent;
  desk: UserAgent;
  inviter: Inviter;
  timer: unknown;
}

/**
 * Practice calls with no PBX: a simulated caller's sip.js user agent calls the desk's over an
 * in-memory wire, so the call goes through ring policy, card, script and recording exactly as a
 * real one; once answered the caller speaks the scenario's clips with pauses for the agent.
 */
export class PracticeLine {
  private readonly deps: PracticeLineDeps;
  private current: Rehearsal | null = null;

  constructor(deps: PracticeLineDeps) {
    this.deps = deps;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  async start(scenario: PracticeScenario): Promise<void> {
    if (this.current) throw new RpcError('practice-busy', 'A practice call is already on.');
    const { log } = this.deps;
    const wire = new InMemorySipWire();
    const callerSessionId = `${PRACTICE_CALLER_SESSION_PREFIX}${this.deps.newId()}`;
    const common = { viaHost: PRACTICE_DOMAIN, logBuiltinEnabled: false, logLevel: 'error' as const, userAgentString: 'Ringside practice' };
    const desk = new UserAgent({
      ...common,
      uri: UserAgent.makeURI(`sip:${DESK_USER}@${PRACTICE_DOMAIN}`),
      transportConstructor: wire.transportFor('desk'),
      sessionDescriptionHandlerFactory: this.deps.deskMedia,
      delegate: { onInvite: (invitation) => this.deps.onInvite(invitation) },
    });
    const caller = new UserAgent({
      ...common,
      uri: UserAgent.makeURI(`sip:${scenario.caller.number}@${PRACTICE_DOMAIN}`),
      displayName: scenario.caller.displayName,
      transportConstructor: wire.transportFor('caller'),
      sessionDescriptionHandlerFactory: this.deps.callerMedia(callerSessionId),
    });
    await desk.start();
    await caller.start();
    const target = UserAgent.makeURI(`sip:${DESK_USER}@${PRACTICE_DOMAIN}`);
    if (!target) throw new Error('The practice address is not a SIP URI');
    const inviter = new Inviter(caller, target);
    const rehearsal: Rehearsal = { caller, desk, inviter, timer: null };
    this.current = rehearsal;
    inviter.stateChange.addListener((state) => {
      switch (state) {
        case SessionState.Initial:
        case SessionState.Establishing:
        case SessionState.Terminating:
          return;
        case SessionState.Established:
          this.clearTimer(rehearsal);
          this.speak(rehearsal, scenario, callerSessionId, -1);
          return;
        case SessionState.Terminated:
          this.finish(rehearsal);
          return;
        default:
          throw missingCaseError(state);
      }
    });
    rehearsal.timer = this.deps.clock.setTimeout(() => {
      if (inviter.state === SessionState.Establishing) void inviter.cancel().catch(() => undefined);
    }, CALLER_GIVES_UP_MS);
    log.info('Practice call', { scenario: scenario.id, locale: scenario.locale });
    await inviter.invite().catch((error: unknown) => {
      this.finish(rehearsal);
      throw error;
    });
  }

  async dispose(): Promise<void> {
    const rehearsal = this.current;
    if (!rehearsal) return;
    this.current = null;
    this.clearTimer(rehearsal);
    if (rehearsal.inviter.state === SessionState.Established) await rehearsal.inviter.bye().catch(() => undefined);
    await stopBoth(rehearsal);
  }

  /** Waits out the pause after line `index` (the greeting before the first), then says the next. */
  private speak(rehearsal: Rehearsal, scenario: PracticeScenario, sessionId: string, index: number): void {
    const pauseMs = index < 0 ? scenario.firstPauseMs : scenario.lines[index]!.pauseAfterMs;
    rehearsal.timer = this.deps.clock.setTimeout(() => {
      rehearsal.timer = null;
      if (rehearsal.inviter.state !== SessionState.Established) return;
      const next = scenario.lines[index + 1];
      if (!next) {
        // The scenario is over and the agent has not said goodbye: the caller hangs up.
        void rehearsal.inviter.bye().catch(() => undefined);
        return;
      }
      this.deps
        .say(sessionId, practiceClipPath(scenario, next.id))
        .then(({ durationMs }) => {
          if (this.current !== rehearsal) return;
          rehearsal.timer = this.deps.clock.setTimeout(() => this.speak(rehearsal, scenario, sessionId, index + 1), durationMs);
        })
        .catch((error: unknown) => {
          this.deps.log.warn('The practice caller could not say a line', { line: next.id, error: String(error) });
          this.speak(rehearsal, scenario, sessionId, index + 1);
        });
    }, pauseMs);
  }

  /** The call is over: the user agents stop once the last responses have crossed the wire. */
  private finish(rehearsal: Rehearsal): void {
    if (this.current !== rehearsal) return;
    this.current = null;
    this.clearTimer(rehearsal);
    this.deps.clock.setTimeout(() => void stopBoth(rehearsal), WIRE_DRAIN_MS);
  }

  private clearTimer(rehearsal: Rehearsal): void {
    if (rehearsal.timer !== null) this.deps.clock.clearTimeout(rehearsal.timer);
    rehearsal.timer = null;
  }
}

async function stopBoth(rehearsal: Rehearsal): Promise<void> {
  await rehearsal.caller.stop().catch(() => undefined);
  await rehearsal.desk.stop().catch(() => undefined);
}
