import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../shared/logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface FileLoggerOptions {
  file: string;
  level: Level;
  /** Strings that must never be written (the SIP password). */
  secrets: () => (string | null)[];
  stderr?: boolean;
}

/** One line per entry (time, level, scope, message, fields as JSON), with every secret masked. */
export function createFileLogger(options: FileLoggerOptions, scope = 'ringside'): Logger {
  mkdirSync(dirname(options.file), { recursive: true });
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[options.level]) return;
    let line = `${new Date().toISOString()} ${level.toUpperCase()} [${scope}] ${message}${fields ? ` ${safeJson(fields)}` : ''}`;
    for (const secret of options.secrets()) {
      if (secret && secret.length > 0) line = line.split(secret).join('***');
    }
    line = line.replace(/[\r\n]+/g, ' ');
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
    child: (child) => createFileLogger(options, `${scope}:${child}`),
  };
}

function safeJson(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields);
  } catch {
    return '{"fields":"unserializable"}';
  }
}
