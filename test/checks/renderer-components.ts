import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const RENDERER = join(import.meta.dirname, '../../src/renderer');

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? componentFiles(path) : entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Every renderer component (.tsx) with its path under src/renderer and its source, for the checks that read them all. */
export function rendererComponents(): { name: string; source: string }[] {
  return componentFiles(RENDERER).map((file) => ({ name: relative(RENDERER, file), source: readFileSync(file, 'utf8') }));
}
