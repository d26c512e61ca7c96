import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Invitation, Session } from 'sip.js';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { MediaBridge } from '../media/media-bridge.ts';
import { BridgeSessionDescriptionHandler } from '../phone/bridge-session-description-handler.ts';
import type { PracticeLine } from './practice-line.ts';
import type { PracticeScenarios } from './practice-scenarios.ts';
import { practiceStartRefusal } from './practice-start-guard.ts';

/** Rehearsals with a simulated caller over an in-memory SIP wire (decision 0007). */
export function createPracticeModule(
  ctx: ModuleContext,
  deps: {
    media: MediaBridge;
    deskMedia(session: Session): BridgeSessionDescriptionHandler;
    liveCalls(): readonly LiveCall[];
    handleInvite(invitation: Invitation): Promise<void>;
  },
): CoreModule<'practice.start'> {
  const { settings } = ctx;
  const log = ctx.log.child('core');
  // The practice line and its scenarios are loaded by the first rehearsal, not at start.
  let line: { practice: PracticeLine; scenarios: PracticeScenarios } | null = null;
  const practiceLine = async () => {
    if (line) return line;
    const [{ PracticeLine }, { loadPracticeScenarios }] = await Promise.all([import('./practice-line.ts'), import('./practice-scenarios.ts')]);
    line ??= {
      scenarios: loadPracticeScenarios(join(ctx.resourcesDir, 'practice'), ctx.log.child('practice')),
      practice: new PracticeLine({
        clock: ctx.clock,
        log: ctx.log.child('practice'),
        newId: ctx.newId,
        deskMedia: deps.deskMedia,
        callerMedia: (sessionId) => () => new BridgeSessionDescriptionHandler(sessionId, deps.media, ctx.log.child('practice-media')),
        say: (sessionId, path) => deps.media.call('media.practiceSay', { sessionId, path }),
        onInvite: (invitation) => {
          deps.handleInvite(invitation).catch((error: unknown) => log.error('The practice call failed', { error: String(error) }));
        },
      }),
    };
    return line;
  };
  return {
    handlers: {
      'practice.start': async () => {
        const refusal = practiceStartRefusal({ mediaHost: deps.media.hasHost(), practiceBusy: line?.practice.busy ?? false, calls: deps.liveCalls() });
        if (refusal) throw refusal;
        const { practice, scenarios } = await practiceLine();
        const { id, locale } = settings.get().script;
        const scenario = scenarios.forScript(id, locale);
        if (!scenario) throw new RpcError('no-practice-scenario', 'This Ringside has no practice caller installed.');
        await practice.start(scenario);
        return { scenarioId: scenario.id, locale: scenario.locale, callerName: scenario.caller.displayName };
      },
    },
    resolveMedia(path) {
      if (!/^practice\/[a-z0-9-]+\.(en|ru|el)\/[a-z0-9-]+\.ogg$/.test(path)) return Promise.resolve(null);
      const file = join(ctx.resourcesDir, path);
      return Promise.resolve(existsSync(file) ? { file, mime: 'audio/ogg' } : null);
    },
    dispose: async () => line?.practice.dispose(),
  };
}
