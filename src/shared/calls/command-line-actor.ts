/**
 * The audit log's actor for what was done from the command line (setting the admin PIN, an
 * export), with the system user where it is known. Stored in English like DESK_WITHOUT_ADDRESS;
 * each window words it in its language.
 */
export const COMMAND_LINE = 'command line';

export function commandLineActor(user: string): string {
  return `${COMMAND_LINE} (${user})`;
}

/** The command line's user from a stored actor (null: the command line, user unknown); undefined if not the command line. */
export function commandLineUser(actor: string): string | null | undefined {
  if (actor === COMMAND_LINE) return null;
  const match = /^command line \((.*)\)$/s.exec(actor);
  return match ? (match[1] ?? '') : undefined;
}
