/** "1 recording", "2 recordings": English plurals until the interface is translated. */
export function countNoun(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
