import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * createCore only puts the domain modules together (issue 16): the rules live in the modules, where
 * each has its own tests. A composition that grows past 200 lines has taken a rule back in.
 */
const CREATE_CORE = join(import.meta.dirname, '../../src/main/core/create-core.ts');

describe('the core’s composition', () => {
  it('is createCore in under 200 lines', () => {
    const source = readFileSync(CREATE_CORE, 'utf8');
    expect(source).toMatch(/^export (async )?function createCore\(/m);
    expect(source.split('\n').length - (source.endsWith('\n') ? 1 : 0)).toBeLessThan(200);
  });
});
