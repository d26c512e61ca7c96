import { describe, expect, it } from 'vitest';
import { type ImportCycle, importCycles, importGraph, sourcesUnder } from './import-graph.ts';

/**
 * Files that import each other round cannot be read, tested or split one at a time, and a cycle of
 * values can hand a module its neighbour before that neighbour has run. No cycle anywhere in src.
 */

const named = (cycles: ImportCycle[]) => cycles.map((cycle) => cycle.path.join(' → '));

describe('import cycles', () => {
  it('are found and named, through type-only imports, re-exports, import() and a file importing itself', () => {
    const sample = new Map([
      ['app/a.ts', `import { b } from './b.ts'; export const a = b;`],
      ['app/b.ts', `export { c as b } from './lib/c';`],
      ['app/lib/c.ts', `import type { A } from '../a.ts'; export const c = 1;`],
      ['app/d.tsx', `export const d = () => import('./e.tsx');`],
      ['app/e.tsx', `export type E = typeof import('./d.tsx');`],
      ['app/f.ts', `import './f.ts'; import { a } from './a.ts'; import { z } from 'zod'; export const f = [a, z];`],
      ['app/g.ts', `import { f } from './f.ts'; export const g = f;`],
    ]);
    const { graph, unresolved } = importGraph(sample);
    expect(unresolved).toEqual([]);
    expect(named(importCycles(graph))).toEqual([
      'app/a.ts → app/b.ts → app/lib/c.ts → app/a.ts',
      'app/d.tsx → app/e.tsx → app/d.tsx',
      'app/f.ts → app/f.ts',
    ]);
    const withoutCycles = importGraph(new Map([...sample].filter(([file]) => !['app/lib/c.ts', 'app/e.tsx', 'app/f.ts'].includes(file))));
    expect(withoutCycles.unresolved).toEqual(['app/b.ts: ./lib/c', 'app/d.tsx: ./e.tsx', 'app/g.ts: ./f.ts']);
    expect(importCycles(withoutCycles.graph)).toEqual([]);
  });

  it('name every file of a group, not only the shortest way round', () => {
    const sample = new Map([
      ['a.ts', `import './b.ts'; import './c.ts';`],
      ['b.ts', `import './a.ts';`],
      ['c.ts', `import './d.ts';`],
      ['d.ts', `import './a.ts';`],
    ]);
    expect(importCycles(importGraph(sample).graph)).toEqual([{ files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'], path: ['a.ts', 'b.ts', 'a.ts'] }]);
  });

  const { graph, unresolved } = importGraph(sourcesUnder('src'));
  const cycles = importCycles(graph);

  it('are looked for in the whole of src: every relative import leads to a file, and most files import another', () => {
    expect(unresolved).toEqual([]);
    expect([...graph.values()].filter((targets) => targets.length > 0).length).toBeGreaterThan(graph.size / 2);
  });

  it('are none in src', () => {
    expect(named(cycles)).toEqual([]);
  });
});
