import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A Vite build made for `npm start` / `npm run web` only when what it is built from changed: a hash
 * of its inputs is stored beside the build (out/<name>.source-hash) together with the build's own
 * file names and sizes — so a build made from other sources in between (`npm run build:renderer`,
 * whose file names carry content hashes) is not taken for this one.
 */
export interface CachedBuild {
  /** The build's folder under out/ and the name of its stamp (out/<name>.source-hash). */
  name: string;
  /** What the build is made of, relative to the checkout: folders and files. */
  inputs: readonly string[];
  /** The Vite config that builds it, relative to the checkout. */
  viteConfig: string;
  /** A file every complete build has, relative to its folder. */
  entry: string;
  /** Said before building, e.g. "the interface". */
  what: string;
}

export interface BuildPlace {
  /** The checkout built from (the Vite config, src/, node_modules/). */
  root: string;
  log: (line: string) => void;
}

export function buildIfChanged(build: CachedBuild, { root, log }: BuildPlace): { built: boolean } {
  const outDir = join(root, 'out', build.name);
  const stampFile = join(root, 'out', `${build.name}.source-hash`);
  const sources = sourceHash(root, build.inputs);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp(sources, outDir, build.entry)) return { built: false };
  // An interrupted build must not leave a stamp that vouches for it.
  rmSync(stampFile, { force: true });
  log(`Building ${build.what} (its first build, or its sources changed since the last one)…`);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, build.viteConfig), '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line.trim() !== '') log(line);
  if (result.status !== 0) throw new Error(`The build of ${build.what} failed (exit ${result.status ?? result.signal ?? 'unknown'})`);
  writeFileSync(stampFile, stamp(sources, outDir, build.entry));
  return { built: true };
}

function stamp(sources: string, outDir: string, entry: string): string {
  if (!existsSync(join(outDir, entry))) return '';
  const built = filesUnder(outDir).map((file) => `${relative(outDir, file)} ${statSync(file).size}`);
  return `sources ${sources}\nbuild ${createHash('sha256').update(built.join('\n')).digest('hex')}\n`;
}

/** sha256 over every input file's path and content, in a fixed order. */
function sourceHash(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
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
