import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../shared/logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface FileLoggerOptions {
  file: string;
  level: Level;
  /** Strings that must never be written (the SIP password). */
  secrets: () => (string | null | undefined)[];
  stderr?: boolean;
  /** A log bigger than this at start is moved to `<file>.1` (one old log is kept). */
  maxBytesAtStart?: number;
  now?: () => Date;
}

/** One line per entry (time, level, scope, message, fields as JSON), with every secret masked. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  mkdirSync(dirname(options.file), { recursive: true });
  rotate(options.file, options.maxBytesAtStart ?? 10 * 1024 * 1024);
  return scopedLogger(options, 'ringside');
}

function scopedLogger(options: FileLoggerOptions, scope: string): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[options.level]) return;
    const time = (options.now?.() ?? new Date()).toISOString();
    const raw = `${time} ${level.toUpperCase()} [${scope}] ${message}${fields ? ` ${safeJson(fields)}` : ''}`;
    const line = redact(raw, options.secrets()).replace(/[\r\n]+/g, ' ');
    try {
      appendFileSync(options.file, `${line}\n`);
    } catch {
      // A full disk must not stop calls; stderr still gets the line.
    }
    if (options.stderr !== false && order[level] >= order.info) process.stderr.write(`${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (child) => scopedLogger(options, `${scope}:${child}`),
  };
}

/**
 * Masks each secret as written, as it appears inside a JSON string (quotes and backslashes
 * escaped) and URL-encoded, since fields are serialized and URLs may carry it.
 */
export function redact(line: string, secrets: (string | null | undefined)[]): string {
  let out = line;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('***');
  }
  return out;
}

function rotate(file: string, maxBytes: number): void {
  try {
    if (existsSync(file) && statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // Keep appending to the big file rather than lose the log.
  }
}

function safeJson(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message } : value));
  } catch {
    return '{"fields":"unserializable"}';
  }
}
