import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { createScriptCatalog } from '../scripts/script-catalog.ts';
import type { CallScoring } from './call-scoring.ts';

export type ScoringMethod =
  | 'scoring.card'
  | 'scoring.saveCard'
  | 'scoring.resetCard'
  | 'scoring.calls'
  | 'scoring.mine'
  | 'scoring.view'
  | 'scoring.save'
  | 'scoring.averages';

/** Scoring calls against the scorecard. Who may see which scoring is the access policy's (agent-or-admin). */
export function createScoringModule(ctx: ModuleContext, deps: { scripts: Pick<ReturnType<typeof createScriptCatalog>, 'get'> }): CoreModule<ScoringMethod> {
  const { settings, bus } = ctx;
  let loaded: Promise<CallScoring> | null = null;
  // The scoring rules and the shipped scorecard are loaded by the first scoring screen, not at start.
  const scoring = () =>
    (loaded ??= Promise.all([import('./call-scoring.ts'), import('./shipped-scorecard.ts')]).then(([{ createCallScoring }, { shippedScorecard }]) =>
      createCallScoring({
        scores: ctx.stores.office.scores,
        clock: ctx.clock,
        audit: ctx.stores.office.audit,
        shippedCard: () => shippedScorecard(settings.get().language),
        stageTitle: async (scriptId, stageId) => (await deps.scripts.get(scriptId, settings.get().script.locale))?.stages.find((s) => s.id === stageId)?.title ?? null,
      }),
    ));
  return {
    handlers: {
      'scoring.card': async () => (await scoring()).card(),
      'scoring.saveCard': async ({ card }) => {
        await (await scoring()).saveCard(card, ctx.actor());
        bus.emit('score.changed', { callId: null });
        return {};
      },
      'scoring.resetCard': async () => {
        await (await scoring()).resetCard(ctx.actor());
        bus.emit('score.changed', { callId: null });
        return {};
      },
      'scoring.calls': async (query) => (await scoring()).rows(query),
      'scoring.mine': async ({ limit }) => (await scoring()).rows({ agent: ctx.actor(), scored: 'scored', includePractice: true, limit }),
      'scoring.view': async ({ callId }) => (await scoring()).view(callId),
      'scoring.save': async (input) => {
        const saved = await (await scoring()).save(input, ctx.actor());
        bus.emit('score.changed', { callId: input.callId });
        return saved;
      },
      'scoring.averages': async ({ period, timeZone }) => (await scoring()).averages(period, timeZone),
    },
  };
}
