import { describe, expect, it } from 'vitest';
import { rpcUrl, takeToken } from './web-socket-port.ts';

function fakes(href: string) {
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  const location = { href, protocol: new URL(href).protocol, host: new URL(href).host } as Location;
  const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) } as Storage;
  const history = { replaceState: (_d: unknown, _t: string, url: string) => void replaced.push(url) } as History;
  return { location, storage, history, replaced };
}

describe('browser-mode token', () => {
  it('takes the token from the address once, hides it, and remembers it for a reload', () => {
    const first = fakes('http://127.0.0.1:4000/?token=abc123#calls');
    expect(takeToken(first.location, first.storage, first.history)).toBe('abc123');
    expect(first.replaced).toEqual(['/#calls']);
    const reload = { ...fakes('http://127.0.0.1:4000/'), storage: first.storage };
    expect(takeToken(reload.location, reload.storage, reload.history)).toBe('abc123');
    expect(reload.replaced).toEqual([]);
  });

  it('has no token without one in the address or the session', () => {
    const page = fakes('http://127.0.0.1:4000/');
    expect(takeToken(page.location, page.storage, page.history)).toBeNull();
  });

  it('builds the socket address on the page own host, wss for https, the token encoded', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:4000' } as Location, 'a b')).toBe('ws://127.0.0.1:4000/rpc?token=a%20b');
    expect(rpcUrl({ protocol: 'https:', host: 'desk.local' } as Location, 't')).toBe('wss://desk.local/rpc?token=t');
  });
});
