import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The renderer is rebuilt for `npm start` / `npm run web` only when what it is built from changed:
 * a hash of its inputs is stored beside the build (out/renderer.source-hash) together with the
 * build's own file names, which carry content hashes — so a build made from other sources by
 * `npm run build:renderer` in between is not taken for this one.
 */
const INPUTS = ['src/renderer', 'src/shared', 'vite.renderer.config.ts', 'package-lock.json'];

export interface RendererBuild {
  /** The checkout the renderer is built from (vite.renderer.config.ts, src/, node_modules/). */
  root: string;
  log: (line: string) => void;
}

/** Builds `root`/out/renderer unless the stamp beside it says it was built from these very inputs. */
export function buildRendererIfChanged({ root, log }: RendererBuild): { built: boolean } {
  const outDir = join(root, 'out', 'renderer');
  const stampFile = join(root, 'out', 'renderer.source-hash');
  const sources = sourceHash(root);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp(sources, outDir)) return { built: false };
  // An interrupted build must not leave a stamp that vouches for it.
  rmSync(stampFile, { force: true });
  log('Building the interface (its first build, or its sources changed since the last one)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'vite.renderer.config.ts'), '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line.trim() !== '') log(line);
  if (result.status !== 0) throw new Error(`The interface build failed (exit ${result.status ?? result.signal ?? 'unknown'})`);
  writeFileSync(stampFile, stamp(sources, outDir));
  return { built: true };
}

function stamp(sources: string, outDir: string): string {
  if (!existsSync(join(outDir, 'index.html'))) return '';
  const built = filesUnder(outDir).map((file) => `${relative(outDir, file)} ${statSync(file).size}`);
  return `sources ${sources}\nbuild ${createHash('sha256').update(built.join('\n')).digest('hex')}\n`;
}

/** sha256 over every input file's path and content, in a fixed order. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = resolve(root, input);
    if (!existsSync(path)) continue;
    for (const file of statSync(path).isDirectory() ? filesUnder(path) : [path]) {
      hash.update(`${relative(root, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
