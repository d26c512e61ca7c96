import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRendererIfChanged } from '../../scripts/renderer-build-cache.ts';

const repo = resolve(import.meta.dirname, '..', '..');

/** A copy of what the renderer is built from, with the real node_modules, so its out/ and sources are the test's own. */
function checkoutCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'ringside-renderer-build-'));
  for (const input of ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package.json', 'package-lock.json']) cpSync(join(repo, input), join(root, input), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

describe('npm start / npm run web build the interface only when its sources changed', () => {
  let root: string;
  const lines: string[] = [];
  const build = () => buildRendererIfChanged({ root, log: (line) => lines.push(line) });
  const buildsAnnounced = () => lines.filter((line) => line.startsWith('Building the interface')).length;
  const indexHtml = () => join(root, 'out', 'renderer', 'index.html');
  beforeAll(() => {
    root = checkoutCopy();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds the first time, not again while nothing changed, and again after a source or the build itself changed', () => {
    expect(build()).toEqual({ built: true });
    expect(existsSync(indexHtml())).toBe(true);
    // Vite's warnings come through the log: none of them about a chunk over its 500 kB limit.
    expect(lines.filter((line) => /larger than/i.test(line))).toEqual([]);
    const firstBuild = statSync(indexHtml()).mtimeMs;

    expect(build()).toEqual({ built: false });
    expect(statSync(indexHtml()).mtimeMs).toBe(firstBuild);
    expect(buildsAnnounced()).toBe(1);

    appendFileSync(join(root, 'src', 'shared', 'clock.ts'), '\n// changed by the build-cache test\n');
    expect(build()).toEqual({ built: true });
    expect(build()).toEqual({ built: false });

    // What `npm run build:renderer` leaves after building other sources: other hashed file names.
    const assets = join(root, 'out', 'renderer', 'assets');
    const chunk = readdirSync(assets).find((name) => name.endsWith('.js'));
    if (chunk === undefined) throw new Error('The build has no JavaScript chunk');
    renameSync(join(assets, chunk), join(assets, `other-${chunk}`));
    expect(build()).toEqual({ built: true });
    expect(buildsAnnounced()).toBe(3);
  }, 120_000);
});
