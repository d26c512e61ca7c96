import { buildIfChanged, type BuildPlace } from './build-cache.ts';

/** The interface (out/renderer), rebuilt only when its sources changed (see build-cache.ts). */
export function buildRendererIfChanged(place: BuildPlace): { built: boolean } {
  return buildIfChanged(
    { name: 'renderer', inputs: ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package-lock.json'], viteConfig: 'vite.renderer.config.ts', entry: 'index.html', what: 'the interface' },
    place,
  );
}
