import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

export interface ElectronLookup {
  /** node_modules/electron: its install.js, package.json and, once installed, path.txt and dist/. */
  electronDir: string;
  env: NodeJS.ProcessEnv;
  /** How long the download site may take to answer at all before browser mode is chosen. */
  probeTimeoutMs: number;
}

/**
 * Electron's binary for `npm start`, downloaded by Electron's own install script when missing —
 * but only once a quick request shows the download site answers: where it cannot be reached the
 * install script could hang up to 120 s before browser mode started. A zip already in Electron's
 * download cache needs no network, so the check is skipped for it.
 */
export async function electronBinary({ electronDir, env, probeTimeoutMs }: ElectronLookup): Promise<{ path: string } | { why: string }> {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    if (!downloadIsCached(electronDir, env)) {
      const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? DEFAULT_MIRROR;
      const unreachable = await unanswered(mirror, probeTimeoutMs);
      if (unreachable !== null) return { why: `its download site ${new URL(mirror).origin} did not answer (${unreachable})` };
    }
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 120_000, env });
    if (install.status !== 0 || !existsSync(pathFile)) {
      const detail = `${install.stderr ?? ''}${install.stdout ?? ''}`.trim().split('\n').pop() || (install.error?.message ?? 'no details');
      return { why: `its download failed: ${detail}` };
    }
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { why: `${binary} is missing` };
}

/** Null when `url` gave any HTTP answer in time; otherwise why not. */
async function unanswered(url: string, timeoutMs: number): Promise<string | null> {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return null;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
    return error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  }
}

/** Whether @electron/get's cache (one folder per download URL) already holds this version's zip. */
function downloadIsCached(electronDir: string, env: NodeJS.ProcessEnv): boolean {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };
  const zip = `electron-v${version}-${env.ELECTRON_INSTALL_PLATFORM ?? process.platform}-${env.ELECTRON_INSTALL_ARCH ?? process.arch}.zip`;
  const cacheRoot = env.electron_config_cache ?? defaultCacheRoot(env);
  if (!existsSync(cacheRoot)) return false;
  return readdirSync(cacheRoot, { withFileTypes: true }).some((entry) => entry.isDirectory() && existsSync(join(cacheRoot, entry.name, zip)));
}

/** Where env-paths puts @electron/get's cache on each system. */
function defaultCacheRoot(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}
