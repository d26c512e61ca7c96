import { join } from 'node:path';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import { createScriptCatalog } from './script-catalog.ts';
import { createStageTimesClock } from './stage-times-clock.ts';
import { loadScriptLibrary } from './script-library.ts';

export type ScriptsMethod = 'scripts.list' | 'scripts.get' | 'scripts.save' | 'scripts.import' | 'scripts.delete' | 'scripts.saveProgress' | 'scripts.progress';

/** Call scripts (shipped and the office's own) and each call's progress through its script. */
export function createScriptsModule(ctx: ModuleContext) {
  const { clock, bus, settings } = ctx;
  const log = ctx.log.child('scripts');
  const scripts = createScriptCatalog({
    shipped: loadScriptLibrary(join(ctx.resourcesDir, 'scripts'), log),
    custom: ctx.stores.office.scripts,
    audit: ctx.stores.office.audit,
    clock,
  });
  // Main's clock counts the time in each stage; the window only reports where the call is.
  const progressStore = createStageTimesClock({
    store: ctx.stores.office.callProgress,
    clock,
    scriptStart: async (callId, scriptId) => ({
      stageId: (await scripts.get(scriptId, settings.get().script.locale))?.stages[0]?.id ?? null,
      at: (await ctx.stores.office.calls.find(callId))?.answeredAt ?? clock.now(),
    }),
  });
  const module: CoreModule<ScriptsMethod> = {
    handlers: {
      'scripts.list': () => scripts.list(),
      'scripts.get': ({ id, locale }) => scripts.get(id, locale),
      'scripts.save': async ({ script }) => {
        const saved = await scripts.save(script, ctx.actor());
        bus.emit('script.changed', { scriptId: script.id });
        return saved;
      },
      'scripts.import': async ({ json }) => {
        const saved = await scripts.import(json, ctx.actor());
        bus.emit('script.changed', { scriptId: saved.id });
        return saved;
      },
      'scripts.delete': async ({ id, locale }) => {
        await scripts.delete(id, locale, ctx.actor(), settings.get().script);
        bus.emit('script.changed', { scriptId: id });
        return {};
      },
      'scripts.saveProgress': async ({ callId, progress }) => {
        await progressStore.save(callId, progress);
        return {};
      },
      'scripts.progress': ({ callId }) => progressStore.load(callId),
    },
  };
  return { ...module, scripts };
}
