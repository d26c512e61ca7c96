import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { rendererConfig } from '../../vite.renderer.config.ts';

/** What an idle desk need not hold: the charts, the waveform, and the screens away from the phone. */
const NOT_AT_START = /node_modules[\\/](recharts|d3-[\w-]+|wavesurfer\.js)[\\/]|src[\\/]renderer[\\/](stats|scoring|admin|settings)[\\/][\w-]+-screen\.tsx$|contacts-screen\.tsx$/;

describe('renderer memory: the bundle split by screen', () => {
  it('the chunks loaded at start hold no charts, no waveform and none of the lazy screens', { timeout: 120_000 }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'ringside-renderer-chunks-'));
    try {
      const output = (await build({ ...rendererConfig, logLevel: 'silent', build: { ...rendererConfig.build, outDir, emptyOutDir: true } })) as Rolldown.RolldownOutput;
      const chunks = new Map(output.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const atStart = [...initial].flatMap((name) => chunks.get(name)?.moduleIds ?? []);
      // The phone is there (the check reads real chunks), and nothing of the lazy parts.
      expect(atStart.some((id) => id.endsWith('call-stage.tsx'))).toBe(true);
      expect(atStart.filter((id) => NOT_AT_START.test(id))).toEqual([]);
      // Each lazy part is still built, in a chunk loaded later.
      const later = [...chunks.values()].filter((c) => !initial.has(c.fileName)).flatMap((c) => c.moduleIds);
      expect(later.some((id) => id.includes('recharts'))).toBe(true);
      expect(later.some((id) => id.includes('wavesurfer.js'))).toBe(true);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
