import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../shared/logger.ts';
import { escapeControlCharacters } from '../../shared/text/escape-control-characters.ts';

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

/**
 * One line per entry (time, level, scope, message, fields as JSON), with credentials masked and
 * control characters shown as escapes.
 */
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
    const line = escapeControlCharacters(redact(raw, options.secrets()));
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

/** Field names whose values are credentials: their text is never written, whatever it is. */
const CREDENTIAL_FIELD = /^(pw|pwd|pin|token|auth)$|password|passwd|passphrase|secret|authori[sz]ation|credential/i;

/** Credentials written inside text: `password=…` (URLs, SIP parameters), `user:pass@host`, a digest response. */
const CREDENTIAL_IN_TEXT: [RegExp, string][] = [
  [/\b(password|passwd|pwd|pw|secret|token)=[^&\s"';,]*/gi, '$1=***'],
  [/(\b[a-z][\w+.-]*:\/\/[^/\s:@"]+):[^@\s/"]+@/gi, '$1:***@'],
  [/\bresponse=(\\?")[^"\\]*\1/gi, 'response=$1***$1'],
];

/**
 * A secret shorter than this is masked only where it stands as a credential: as a plain
 * substring it would match ordinary words ("une***pectedly" for the password "x") and give it away.
 */
const MIN_SECRET_MASKED_IN_TEXT = 6;

/**
 * Masks credentials in a log line: by what they are (a credential field, `password=…`, the
 * password of a URL, a digest response), and each long enough secret where it stands alone as
 * written, as inside a JSON string (quotes and backslashes escaped) and URL-encoded.
 */
export function redact(line: string, secrets: (string | null | undefined)[]): string {
  let out = line;
  for (const [pattern, replacement] of CREDENTIAL_IN_TEXT) out = out.replace(pattern, replacement);
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_MASKED_IN_TEXT) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu'), '***');
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    return JSON.stringify(fields, (key, value: unknown) => {
      if (value instanceof Error) return { name: value.name, message: value.message };
      return CREDENTIAL_FIELD.test(key) && (typeof value === 'string' || typeof value === 'number') ? '***' : value;
    });
  } catch {
    return '{"fields":"unserializable"}';
  }
}
