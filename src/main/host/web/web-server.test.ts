import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { RpcPeer } from '../../../shared/ipc/rpc-peer.ts';
import type { RpcPort } from '../../../shared/ipc/rpc-protocol.ts';
import { silentLogger as log } from '../../../shared/logger.ts';
import { startWebServer, type WebServer } from './web-server.ts';

const methods = { echo: { params: z.object({ text: z.string() }), result: z.object({ text: z.string() }) } };

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(): Promise<{ server: WebServer; attached: () => number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Ringside</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'call.webm'), Buffer.from('0123456789'));
  let count = 0;
  server = await startWebServer({
    rendererDir: dir,
    host: '127.0.0.1',
    port: 0,
    log,
    resolveMedia: (path) => Promise.resolve(path === 'recordings/r1' ? { file: join(dir, 'call.webm'), mime: 'audio/webm' } : null),
    attachClient(port: RpcPort) {
      count++;
      const peer = new RpcPeer({ port, outgoing: {}, incoming: methods, handlers: { echo: ({ text }) => ({ text: text.toUpperCase() }) }, outgoingEvents: {}, incomingEvents: {} });
      return () => peer.close();
    },
  });
  return { server, attached: () => count };
}

function open(url: string, origin?: string, host?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...(origin && { origin }), ...(host && { headers: { host } }) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

describe('browser-mode web server', () => {
  it('serves the interface from 127.0.0.1 with a strict CSP and refuses paths outside it', async () => {
    const { server } = await start();
    const base = new URL(server.url);
    expect(base.hostname).toBe('127.0.0.1');
    const page = await fetch(`${base.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base.origin}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${base.origin}/missing.js`)).status).toBe(404);
  });

  it('carries the API over the WebSocket only with the right token and origin', async () => {
    const { server, attached } = await start();
    const base = new URL(server.url);
    const rpc = `ws://${base.host}/rpc`;
    await expect(open(`${rpc}?token=wrong`)).rejects.toThrow('401');
    await expect(open(`${rpc}`)).rejects.toThrow('401');
    await expect(open(`${rpc}?token=${server.token}`, 'http://evil.example')).rejects.toThrow('403');
    // No Origin (not a page of ours), and a rebound name pointing at loopback: both refused.
    await expect(open(`${rpc}?token=${server.token}`)).rejects.toThrow('403');
    await expect(open(`${rpc}?token=${server.token}`, `http://rebind.example:${base.port}`, `rebind.example:${base.port}`)).rejects.toThrow('403');
    expect(attached()).toBe(0);

    const ws = await open(`${rpc}?token=${server.token}`, base.origin);
    ws.send('this is not json');
    ws.send(JSON.stringify({ kind: 'request', id: 1, method: 'echo', params: { text: 'γεια' } }));
    const reply = await new Promise<unknown>((resolve) => ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))));
    expect(reply).toEqual({ kind: 'response', id: 1, ok: true, result: { text: 'ΓΕΙΑ' } });
    expect(attached()).toBe(1);
    ws.close();
  });

  it('serves recordings with byte ranges, only with the token', async () => {
    const { server } = await start();
    const base = new URL(server.url);
    const media = (path: string, init?: RequestInit, token = server.token) => fetch(`${base.origin}/media/${path}?token=${token}`, init);
    expect((await media('recordings/r1', undefined, 'wrong-token')).status).toBe(401);
    expect((await media('recordings/nope')).status).toBe(404);
    const whole = await media('recordings/r1');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(await whole.text()).toBe('0123456789');
    const part = await media('recordings/r1', { headers: { Range: 'bytes=3-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 3-5/10');
    expect(await part.text()).toBe('345');
    expect((await media('recordings/r1', { headers: { Range: 'bytes=10-' } })).status).toBe(416);
  });
});
