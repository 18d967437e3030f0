import { defineConfig } from 'vitest/config';

// Real-browser tests against the demo server: Debian's Chromium driven by playwright-core (test/e2e/*.test.ts),
// and Firefox ESR and WebKitGTK through one driver adapter (test/e2e/engines/, chosen with E2E_ENGINES).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
