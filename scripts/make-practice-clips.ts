// Makes the practice callers' clips from resources/practice/*.json with espeak-ng, sox and ffmpeg
// (Debian packages), as Ogg Opus (a tenth of the size of WAV; Chromium decodes it). Run by hand after editing a scenario's lines; the
// clips are committed so Ringside itself needs neither tool.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { practiceClipPath, practiceScenarioSchema } from '../src/shared/scripts/practice-scenario.ts';

const folder = join(import.meta.dirname, '..', 'resources');
const voices = { en: 'en-gb+f3', ru: 'ru+f3', el: 'el+f3' } as const;

for (const file of readdirSync(join(folder, 'practice')).filter((f) => f.endsWith('.json'))) {
  const scenario = practiceScenarioSchema.parse(JSON.parse(readFileSync(join(folder, 'practice', file), 'utf8')));
  const clipFolder = join(folder, 'practice', `${scenario.id}.${scenario.locale}`);
  rmSync(clipFolder, { recursive: true, force: true });
  mkdirSync(clipFolder, { recursive: true });
  for (const line of scenario.lines) {
    const target = join(folder, practiceClipPath(scenario, line.id));
    const raw = `${target}.raw.wav`;
    const normalized = `${target}.norm.wav`;
    execFileSync('espeak-ng', ['-v', voices[scenario.locale], '-s', '150', '-w', raw, line.text]);
    execFileSync('sox', ['-D', raw, '-r', '48000', '-c', '1', normalized, 'norm', '-3']);
    // Bit-exact, with a fixed stream serial: the same text gives the same file, so re-running changes nothing.
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', normalized, '-c:a', 'libopus', '-b:a', '32k', '-fflags', '+bitexact', '-flags:a', '+bitexact', '-serial_offset', '1', target]);
    rmSync(raw);
    rmSync(normalized);
  }
  console.log(`${file}: ${scenario.lines.length} clips`);
}
