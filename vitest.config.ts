import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Limits catch a hang, they measure nothing: generous enough for two runs side by side on
    // two cores (speed goals live in `npm run bench`).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // A temporary folder per test file, removed after it (see the file).
    setupFiles: ['test/helpers/temp-root.ts'],
  },
});
