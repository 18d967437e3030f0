import { defineConfig } from 'vitest/config';
import { shippedTextsHashes } from './scripts/build-plugins.mjs';

// The tests that render Preact run twice: on the devDependency preact (the newest major) and on preact10, the
// lowest Preact the peer range claims, aliased in for every import of preact and preact/* (Testing Library's
// too, so it is inlined: one copy of Preact in each run).
const PREACT_10_TESTS = ['test/ui/**/*.test.{ts,tsx}', 'test/frameworks/preact-bindings.test.tsx', 'test/frameworks/preact-10.test.ts'];

export default defineConfig({
  // The digests of the shipped texts, written in as the build writes them.
  plugins: [shippedTextsHashes()],
  test: {
    environment: 'jsdom',
    globalSetup: ['test/helpers/build-once.ts'],
    setupFiles: ['test/helpers/quiet-console.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**', 'test/frameworks/preact-10.test.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias: [{ find: /^preact(?=\/|$)/, replacement: 'preact10' }] },
        test: {
          name: 'preact10',
          include: PREACT_10_TESTS,
          server: { deps: { inline: ['@testing-library/preact', 'preact10'] } },
        },
      },
    ],
  },
});
