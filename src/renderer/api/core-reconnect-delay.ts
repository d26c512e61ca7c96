/** Fast polling lasts this many attempts (10 s at 250 ms). */
const FAST_ATTEMPTS = 40;
const FAST_MS = 250;
const SLOW_MS = 2000;

/**
 * How long a window waits before its next try to reach the core after the connection dropped.
 * The core runs on this machine (loopback, or Electron's own process): a restart is back within
 * a second or two, and a call may be ringing for it then, so the window polls fast at first and a
 * refused connection costs nothing; after that it tries every 2 s.
 */
export function coreReconnectDelayMs(attempt: number): number {
  return attempt <= FAST_ATTEMPTS ? FAST_MS : SLOW_MS;
}
