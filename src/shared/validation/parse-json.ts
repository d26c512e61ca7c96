import type { z } from 'zod';

/** Text from outside (a SIP body, a file) read as JSON of this shape; null when it is not. */
export function parseJsonAs<T extends z.ZodType>(schema: T, text: string): z.infer<T> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
