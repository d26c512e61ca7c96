/** "0:05", "12:30" or "1:02:03" (as formatDuration writes moments) to ms; null when it is not one. */
export function parseMoment(text: string): number | null {
  const match = /^\s*(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  if (match[1] !== undefined && Number(minutes) > 59) return null;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}
