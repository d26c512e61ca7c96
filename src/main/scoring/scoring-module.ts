import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { createScriptCatalog } from '../scripts/script-catalog.ts';
import { createCallScoring } from './call-scoring.ts';
import { shippedScorecard } from './shipped-scorecard.ts';

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
  const scoring = createCallScoring({
    scores: ctx.stores.office.scores,
    clock: ctx.clock,
    audit: ctx.stores.office.audit,
    shippedCard: () => shippedScorecard(settings.get().language),
    stageTitle: async (scriptId, stageId) => (await deps.scripts.get(scriptId, settings.get().script.locale))?.stages.find((s) => s.id === stageId)?.title ?? null,
  });
  return {
    handlers: {
      'scoring.card': () => scoring.card(),
      'scoring.saveCard': async ({ card }) => {
        await scoring.saveCard(card, ctx.actor());
        bus.emit('score.changed', { callId: null });
        return {};
      },
      'scoring.resetCard': async () => {
        await scoring.resetCard(ctx.actor());
        bus.emit('score.changed', { callId: null });
        return {};
      },
      'scoring.calls': (query) => scoring.rows(query),
      'scoring.mine': ({ limit }) => scoring.rows({ agent: ctx.actor(), scored: 'scored', includePractice: true, limit }),
      'scoring.view': ({ callId }) => scoring.view(callId),
      'scoring.save': async (input) => {
        const saved = await scoring.save(input, ctx.actor());
        bus.emit('score.changed', { callId: input.callId });
        return saved;
      },
      'scoring.averages': ({ period, timeZone }) => scoring.averages(period, timeZone),
    },
  };
}
