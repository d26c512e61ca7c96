import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/i18n/locales/en.ts';

const main = resolve(import.meta.dirname, '../../src/main');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('errors the core sends to a window', () => {
  const text = sources(main).map((file) => readFileSync(file, 'utf8')).join('\n');
  // new RpcError('code', …) and new RpcError(on ? 'a' : 'b', …)
  const codes = new Set([...text.matchAll(/new RpcError\(\s*(?:[\w.]+\s*\?\s*)?'([a-z-]+)'(?:\s*:\s*'([a-z-]+)')?/g)].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])]));

  it('are each worded in the catalogues (the parity test holds Russian and Greek to English)', () => {
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !(code in en.errors)).sort()).toEqual([]);
  });

  it('say in English exactly what the core logs, where its words are fixed', () => {
    const fixed = [...text.matchAll(/new RpcError\('([a-z-]+)', '((?:[^'\\]|\\.)*)'\)/g)].map((m) => [m[1]!, m[2]!.replace(/\\'/g, "'")] as const);
    expect(fixed.length).toBeGreaterThan(20);
    expect(fixed.filter(([code, message]) => en.errors[code as keyof typeof en.errors] !== message)).toEqual([]);
  });
});
