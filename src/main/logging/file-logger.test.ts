import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileLogger, redact } from './file-logger.ts';

const logFile = () => join(mkdtempSync(join(tmpdir(), 'ringside-log-')), 'logs', 'ringside.log');
const fixedNow = () => new Date('2026-03-01T09:30:00.000Z');

describe('file logger', () => {
  it('never writes the password, in messages or fields, and keeps one line per entry', () => {
    const file = logFile();
    const password = 'Tr0ub4dor&3';
    const log = createFileLogger({ file, level: 'debug', secrets: () => [password, null], stderr: false, now: fixedNow });
    log.info(`REGISTER failed for user with ${password}`, { authorization: `digest ${password}` });
    log.child('phone').warn('multi\nline');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(password);
    expect(text).toContain('2026-03-01T09:30:00.000Z INFO [ringside] REGISTER failed for user with *** {"authorization":"***"}');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain('WARN [ringside:phone] multi line');
  });

  it('masks a password that JSON or a URL would escape', () => {
    const file = logFile();
    const password = 'pa"ss\\wo rd/ü';
    const log = createFileLogger({ file, level: 'info', secrets: () => [password], stderr: false });
    log.error('failed', { password, url: `wss://pbx/ws?pw=${encodeURIComponent(password)}`, nested: { list: [password] } });
    const text = readFileSync(file, 'utf8');
    for (const form of ['pa"ss', 'pa\\"ss', 'ss\\\\wo', encodeURIComponent(password)]) expect(text).not.toContain(form);
    expect(text).toContain('{"password":"***","url":"wss://pbx/ws?pw=***","nested":{"list":["***"]}}');
  });

  it('drops entries below the level and keeps the previous big log as .1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-log-'));
    mkdirSync(join(dir, 'logs'));
    const file = join(dir, 'logs', 'ringside.log');
    writeFileSync(file, 'x'.repeat(2000));
    const log = createFileLogger({ file, level: 'warn', secrets: () => [], stderr: false, maxBytesAtStart: 1000 });
    log.info('not written');
    log.warn('written');
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^\S+ WARN \[ringside\] written\n$/);
  });

  it('masks a one-letter password by where it stands, never inside ordinary words', () => {
    const file = logFile();
    const password = 'x';
    const log = createFileLogger({ file, level: 'info', secrets: () => [password], stderr: false });
    log.warn('The connection closed unexpectedly: 0x1f exceeded', {
      password,
      sipPassword: password,
      url: 'wss://101:x@pbx.example.com/ws?password=x&transport=ws',
      header: 'Authorization: Digest username="101", realm="pbx", response="6629fae49393a05397450978507c4ef1"',
    });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('The connection closed unexpectedly: 0x1f exceeded');
    expect(text).toContain('"password":"***","sipPassword":"***"');
    expect(text).toContain('"url":"wss://101:***@pbx.example.com/ws?password=***&transport=ws"');
    expect(text).toContain('response=\\"***\\"');
    expect(text).not.toContain('6629fae4');
    expect(text).not.toMatch(/[:=]x\b|"x"/);
  });

  it('writes control bytes from the network as visible escapes, in the file and on stderr', () => {
    const file = logFile();
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      const log = createFileLogger({ file, level: 'info', secrets: () => [], stderr: true });
      log.warn('Bad header in INVITE sip:\u0000101@pbx \u001b[2J\u001b]0;owned\u0007', { display: '\u202eevil\u009b' });
    } finally {
      stderr.mockRestore();
    }
    const text = readFileSync(file, 'utf8');
    for (const out of [text, written.join('')]) {
      // eslint-disable-next-line no-control-regex -- no raw control byte may reach the log or the terminal
      expect(out.replace(/\n$/, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
      expect(out).toContain('INVITE sip:\\x00101@pbx \\x1b[2J\\x1b]0;owned\\x07');
    }
    expect(text).toContain('"display":"\\u202eevil\\x9b"');
  });

  it('redact leaves text without secrets alone', () => {
    expect(redact('nothing here', ['', null, undefined])).toBe('nothing here');
  });
});
