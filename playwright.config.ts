import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: browser mode, Debian's Chromium, a real Kamailio and real WebRTC/SIPp callers.
 * Each file owns its lab (ports from its worker index) and runs its tests in order; files run
 * side by side. Run through `npm run test:e2e` (inside a private network namespace).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './test/e2e/build-core.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
