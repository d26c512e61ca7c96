import { createInterface } from 'node:readline';
import type { ReadStream } from 'node:tty';
import type { Readable, Writable } from 'node:stream';
import type { ReadSecret } from './set-admin-pin-cli.ts';

/**
 * At a terminal: asks with the prompt and reads the typing without showing it. Piped: takes the
 * input's lines in turn, and its last line again when asked more often than it has lines (so
 * `… | npm run set-admin-pin` needs the PIN once).
 */
export function secretReader(input: Readable | ReadStream, output: Writable): ReadSecret {
  if ('isTTY' in input && input.isTTY) return (prompt) => askHidden(input, output, prompt);
  const lines: string[] = [];
  const done = new Promise<void>((finished) => {
    const reader = createInterface({ input, terminal: false });
    reader.on('line', (line) => lines.push(line.trim()));
    reader.on('close', () => finished());
  });
  let asked = 0;
  return async () => {
    await done;
    const line = lines[Math.min(asked, lines.length - 1)] ?? '';
    asked++;
    return line;
  };
}

function askHidden(input: ReadStream, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((answer, refuse) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) refuse(error);
      else answer(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(null);
        if (character === '\u0003' || character === '\u0004') return finish(new Error('Cancelled: nothing was changed.'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}
