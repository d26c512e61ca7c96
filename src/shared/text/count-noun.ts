/** "1 recording", "2 recordings": for the command line, which speaks English (windows use the catalogues). */
export function countNoun(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
