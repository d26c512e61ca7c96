import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { WEB_MEDIA_PATH, WEB_RPC_PATH } from '../../../shared/ipc/bridge.ts';
import type { RpcMessage, RpcPort } from '../../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../../shared/logger.ts';
import type { MediaFile } from '../media-file.ts';
import { mediaResponse } from '../media-response.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
};
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface WebServerOptions {
  rendererDir: string;
  host: string;
  port: number;
  token?: string;
  log: Logger;
  attachClient(port: RpcPort): () => void;
  /** Recordings, announcements and exports, by their media path (see WEB_MEDIA_PATH). */
  resolveMedia?(path: string): Promise<MediaFile | null>;
}

export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and carries the typed API over one WebSocket. A random
 * token in the URL keeps other local programs and web pages out; the Origin must be our own.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const root = resolve(options.rendererDir);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(WEB_MEDIA_PATH)) return serveStatic(root, req, res);
    if (!sameToken(url.searchParams.get('token') ?? '', token)) {
      res.writeHead(401).end();
      return;
    }
    const path = decodeSafely(url.pathname.slice(WEB_MEDIA_PATH.length));
    const found = path === null || !options.resolveMedia ? Promise.resolve(null) : options.resolveMedia(path);
    found.then(
      (media) => (media ? serveMedia(media, req, res) : res.writeHead(404).end()),
      (error: unknown) => {
        options.log.warn('A media file could not be served', { error: error instanceof Error ? error.message : 'unknown error' });
        res.writeHead(500).end();
      },
    );
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== WEB_RPC_PATH) return refuse('404 Not Found');
    if (!sameToken(url.searchParams.get('token') ?? '', token)) {
      options.log.warn('Refused a connection with a wrong token', { remote: req.socket.remoteAddress });
      return refuse('401 Unauthorized');
    }
    // The page's own origin is the Host it was loaded from (an address or a name such as
    // desk.local when listening beyond loopback). A loopback server answers loopback names only,
    // so a web page cannot reach it through DNS rebinding.
    const host = req.headers.host ?? '';
    if (!req.headers.origin || req.headers.origin !== `http://${host}` || (loopback && !isLoopbackHost(host))) {
      options.log.warn('Refused a connection from another origin', { origin: req.headers.origin ?? '(none)', host });
      return refuse('403 Forbidden');
    }
    sockets.handleUpgrade(req, socket, head, (ws) => connect(ws));
  });

  const connect = (ws: WebSocket) => {
    const handlers = new Set<(message: unknown) => void>();
    const port: RpcPort = {
      send(message: RpcMessage) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      },
      onMessage(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    };
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : new TextDecoder().decode(data);
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        options.log.warn('Dropped a message that is not JSON');
        return;
      }
      for (const handler of handlers) {
        try {
          handler(message);
        } catch (error) {
          options.log.error('A client message could not be handled', { error: error instanceof Error ? error.message : 'unknown error' });
        }
      }
    });
    const detach = options.attachClient(port);
    ws.on('close', () => detach());
    ws.on('error', (error) => options.log.warn('Client connection error', { error: error.message }));
  };

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const ownOrigin = `http://${hostForUrl}:${address.port}`;
  return {
    url: `${ownOrigin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((done) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function isLoopbackHost(host: string): boolean {
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodeSafely(new URL(req.url ?? '/', 'http://localhost').pathname);
  const relative = pathname === null ? null : normalize(pathname === '/' ? '/index.html' : pathname);
  const file = relative === null ? null : join(root, relative);
  if (file === null || (file !== root && !file.startsWith(root + sep))) {
    res.writeHead(400).end('Bad path');
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; connect-src 'self'; media-src 'self' blob: mediastream:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** With byte ranges, so the player seeks a long call at once instead of downloading it first. */
function serveMedia(media: MediaFile, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const response = mediaResponse(media, req.headers.range ?? null);
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'X-Content-Type-Options': 'nosniff' });
  if (!response.body || req.method === 'HEAD') {
    void response.body?.cancel();
    res.end();
    return;
  }
  Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
    .on('error', () => res.destroy())
    .pipe(res);
}

function decodeSafely(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\u0000') ? null : decoded;
  } catch {
    return null;
  }
}
