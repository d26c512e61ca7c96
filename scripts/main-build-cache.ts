import { buildIfChanged, type BuildPlace } from './build-cache.ts';

/** Browser mode's core built to JavaScript (out/web-main), rebuilt only when its sources changed (see build-cache.ts). */
export function buildMainIfChanged(place: BuildPlace): { built: boolean } {
  return buildIfChanged(
    { name: 'web-main', inputs: ['src/main', 'src/shared', 'vite.web-main.config.ts', 'package-lock.json'], viteConfig: 'vite.web-main.config.ts', entry: 'web-main.js', what: 'the core' },
    place,
  );
}
