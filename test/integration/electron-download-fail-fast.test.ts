import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.ts';

const VERSION = '45.4.1';

/** node_modules/electron without its binary; its install.js stands in for the download and leaves a mark when run. */
function electronWithoutBinary(dir: string): { electronDir: string; downloadTried: () => boolean } {
  const electronDir = join(dir, 'electron');
  mkdirSync(electronDir);
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  writeFileSync(join(electronDir, 'install.js'), `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'download-tried'))}, ''); console.error('download refused'); process.exit(1);`);
  return { electronDir, downloadTried: () => existsSync(join(dir, 'download-tried')) };
}

async function listening(server: Server | HttpServer): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No port');
  return `http://127.0.0.1:${address.port}/electron/releases/download/`;
}

describe('npm start where Electron cannot be downloaded', () => {
  let dir: string;
  const closers: (() => void)[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-electron-'));
  });
  afterEach(() => {
    for (const close of closers.splice(0)) close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A download site that takes the connection and never answers, as behind a firewall that swallows it. */
  async function silentSite(): Promise<string> {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    closers.push(() => {
      for (const socket of sockets) socket.destroy();
      server.close();
    });
    return listening(server);
  }

  it('gives up on a download site that does not answer without running the download, and says why', async () => {
    const { electronDir, downloadTried } = electronWithoutBinary(dir);
    const mirror = await silentSite();
    const result = await electronBinary({ electronDir, env: { ELECTRON_MIRROR: mirror, electron_config_cache: join(dir, 'cache') }, probeTimeoutMs: 300 });
    expect(result).toEqual({ why: `its download site ${new URL(mirror).origin} did not answer (no answer within 0.3 s)` });
    expect(downloadTried()).toBe(false);
  });

  it('runs the download when the site answers, and reports its failure', async () => {
    const { electronDir, downloadTried } = electronWithoutBinary(dir);
    const server = createHttpServer((_request, response) => response.writeHead(404).end());
    closers.push(() => server.close());
    const mirror = await listening(server);
    const result = await electronBinary({ electronDir, env: { ELECTRON_MIRROR: mirror, electron_config_cache: join(dir, 'cache') }, probeTimeoutMs: 5000 });
    expect(result).toEqual({ why: 'its download failed: download refused' });
    expect(downloadTried()).toBe(true);
  });

  it('runs the download without asking the site when the zip is already in Electron’s cache', async () => {
    const { electronDir, downloadTried } = electronWithoutBinary(dir);
    const cache = join(dir, 'cache');
    mkdirSync(join(cache, 'a1b2'), { recursive: true });
    writeFileSync(join(cache, 'a1b2', `electron-v${VERSION}-${process.platform}-${process.arch}.zip`), '');
    const result = await electronBinary({ electronDir, env: { ELECTRON_MIRROR: await silentSite(), electron_config_cache: cache }, probeTimeoutMs: 300 });
    expect(result).toEqual({ why: 'its download failed: download refused' });
    expect(downloadTried()).toBe(true);
  });
});
