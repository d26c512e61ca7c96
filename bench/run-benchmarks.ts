import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures. */
const only = process.argv[2];
const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
for (const file of files) {
  const module = (await import(join(import.meta.dirname, file))) as { run(log: (line: string) => void): Promise<void> };
  const started = Date.now();
  await module.run((line) => console.log(line));
  console.log(`  (${file} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
