import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApp } from '../../app/start-app.ts';
import { escapeControlCharacters } from '../../../shared/text/escape-control-characters.ts';
import { createFileLogger } from '../../logging/file-logger.ts';
import { startWebServer } from './web-server.ts';
import { persistentWebToken } from './web-token.ts';

// The checkout: four folders above this file in src/, two above the built out/web-main/web-main.js.
const root = resolve(import.meta.dirname, import.meta.filename.endsWith('.ts') ? '../../../..' : '../..');
const rendererDir = join(root, 'out', 'renderer');

// The terminal that started us may be gone (a closed pipe): writing must never become an error
// that is reported by writing again.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

try {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The interface is not built (${rendererDir} is missing): run "npm run build:renderer" first, or use "npm run web".`);
  }
  const app = await startApp({ argv: process.argv.slice(2), resourcesDir: join(root, 'resources') });
  const host = app.args.host ?? app.config.web?.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.warn(`Warning: browser mode is listening on ${host}, not only on this machine. Anyone who has the URL with its token can use this phone.`);
  }
  const server = await startWebServer({
    rendererDir,
    host,
    port: app.args.port ?? app.config.web?.port ?? 0,
    token: app.config.web?.token ?? persistentWebToken(app.dataDir),
    log: createFileLogger({ file: join(app.dataDir, 'logs', 'web.log'), level: 'info', secrets: () => [] }),
    attachClient: (port) => app.core.attachClient(port),
    resolveMedia: (path) => app.core.resolveMedia(path),
  });
  console.log(`Ringside browser mode: ${server.url}`);
  // A softphone must keep taking calls: a bug in one handler is logged, not fatal.
  // Their text may quote what came from the network: escaped, so no terminal code reaches the console.
  process.on('uncaughtException', (error) => console.error(escapeControlCharacters(`Unexpected error (Ringside keeps running): ${error.stack ?? error.message}`)));
  process.on('unhandledRejection', (reason) => console.error(escapeControlCharacters(`Unhandled rejection (Ringside keeps running): ${String(reason)}`)));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      await app.dispose();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(`Ringside could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
