import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from './file-logger.ts';

describe('file logger', () => {
  it('never writes the password, in messages or fields, and keeps one line per entry', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ringside-log-')), 'logs', 'ringside.log');
    const password = 'Tr0ub4dor&3';
    const log = createFileLogger({ file, level: 'debug', secrets: () => [password, null], stderr: false });
    log.info(`REGISTER failed for user with ${password}`, { authorization: `digest ${password}` });
    log.child('phone').warn('multi\nline');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(password);
    expect(text).toContain('***');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(text).toContain('[ringside:phone] multi line');
  });
});
