import type { LineState } from '../../shared/ipc/colleagues.ts';
import type { ColleagueDirectory } from './colleague-directory.ts';

/**
 * The directory as the screens see it: each colleague with what the phone system says about their
 * line right now (busy lamps). The line is live, never stored, so it is added here and not by the
 * office's store.
 */
export function colleaguesWithLines(directory: ColleagueDirectory, lineOf: (extension: string) => LineState | null): ColleagueDirectory {
  return {
    ...directory,
    list: async () => (await directory.list()).map((c) => ({ ...c, line: lineOf(c.extension) })),
    save: async (input) => {
      const saved = await directory.save(input);
      return { ...saved, line: lineOf(saved.extension) };
    },
  };
}
