import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Core } from 'sip.js';
import { invite } from './kamailio-invite.ts';
import { ms, percentiles } from './percentiles.ts';

const PARSES = 2000;
const WARM_UP = 200;

/** Core.Grammar.parse, typed without its `any`: what it returns is only passed on here. */
type GrammarParse = (input: string, startRule: string) => unknown;

/**
 * sip.js parsing one incoming INVITE (Core.Parser.parseMessage: the start line and every header
 * its grammar parses), with patches/sip.js+0.21.2.patch and, as the anchor in the same run and
 * interleaved with it, the grammar as sip.js publishes it (the patch taken out again in memory).
 */
export async function run(log: (line: string) => void): Promise<void> {
  const logger = new Core.LoggerFactory().getLogger('sip.bench');
  const patched = Core.Grammar.parse.bind(Core.Grammar);
  const published = await publishedGrammarParse();
  const parse = (grammar: GrammarParse) => {
    Core.Grammar.parse = grammar;
    const message = Core.Parser.parseMessage(invite, logger);
    if (!(message instanceof Core.IncomingRequestMessage) || message.method !== 'INVITE' || message.from.uri.user !== '+302101234567') throw new Error('The INVITE did not parse');
  };
  const samples = { patched: [] as number[], published: [] as number[], alone: [] as number[] };
  try {
    for (let i = 0; i < WARM_UP; i++) {
      parse(patched);
      parse(published);
    }
    // Alone first: interleaved, the published grammar's garbage is collected during the patched runs too.
    for (let i = 0; i < PARSES; i++) {
      const started = performance.now();
      parse(patched);
      samples.alone.push(performance.now() - started);
    }
    for (let i = 0; i < PARSES; i++) {
      for (const [name, grammar] of [['patched', patched], ['published', published]] as const) {
        const started = performance.now();
        parse(grammar);
        samples[name].push(performance.now() - started);
      }
    }
  } finally {
    Core.Grammar.parse = patched;
  }
  const p = percentiles(samples.patched);
  const anchor = percentiles(samples.published);
  const us = (value: number) => `${(value * 1000).toFixed(0)} µs`;
  log(`SIP parsing — sip.js parseMessage of one ${invite.length}-byte INVITE from Kamailio (${grammarRuns(patched, logger)} grammar runs), ${PARSES} times each after ${WARM_UP}, interleaved`);
  log(`  sip.js as published: p50 ${us(anchor.p50)}  p95 ${us(anchor.p95)}  p99 ${us(anchor.p99)}`);
  log(`  with the patch:      p50 ${us(p.p50)}  p95 ${us(p.p95)}  p99 ${us(p.p99)}  (max ${ms(p.max)}) — ${(anchor.p50 / p.p50).toFixed(1)}× faster at p50, ${(anchor.p95 / p.p95).toFixed(1)}× at p95`);
  const alone = percentiles(samples.alone);
  log(`  with the patch, not interleaved: p50 ${us(alone.p50)}  p95 ${us(alone.p95)}  p99 ${us(alone.p99)}`);
}

/** Grammar.parse over the generated grammar without the patch: its text, patch removed, loaded as a module of its own. */
async function publishedGrammarParse(): Promise<GrammarParse> {
  const file = join(dirname(createRequire(import.meta.url).resolve('sip.js')), 'grammar', 'pegjs', 'dist', 'grammar.js');
  const dir = pathToFileURL(dirname(file)).href;
  const text = readFileSync(file, 'utf8')
    .replace('const peg$bytecode = peg$decodedBytecode ??= [', 'const peg$bytecode = [')
    .replaceAll(/from "(\.\.\/\.\.\/[\w-]+\.js)"/g, (_, path: string) => `from "${new URL(path, `${dir}/`).href}"`);
  const module = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as { parse(input: string, options: { startRule: string; data?: unknown }): unknown };
  return (input, startRule) => {
    const options: { startRule: string; data?: unknown } = { startRule };
    try {
      module.parse(input, options);
    } catch {
      options.data = -1;
    }
    return options.data;
  };
}

function grammarRuns(grammar: GrammarParse, logger: Core.Logger): number {
  let runs = 0;
  Core.Grammar.parse = (input, startRule) => {
    runs++;
    return grammar(input, startRule);
  };
  try {
    Core.Parser.parseMessage(invite, logger);
  } finally {
    Core.Grammar.parse = grammar;
  }
  return runs;
}
