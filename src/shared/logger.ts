/** A scoped logger; the host decides where lines go. Never pass secrets in fields. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export function missingCaseError(value: never): Error {
  return new Error(`Unhandled case: ${String(value)}`);
}

/** A logger that drops everything: for tests, and for parts that have nothing to say. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
