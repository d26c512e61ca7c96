import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts', 'test/checks/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
  },
});
