// Run only in the preact10 project (vitest.config.ts): proves that its tests render with Preact 10.
import { readFileSync } from 'node:fs';
import * as aliased from 'preact';
import * as preact10 from 'preact10';
import { expect, test } from 'vitest';

test('preact resolves to the Preact 10 copy, the lowest of the peer range', () => {
  expect(aliased.render).toBe(preact10.render);
  const { version } = JSON.parse(readFileSync('node_modules/preact10/package.json', 'utf8'));
  const { peerDependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
  expect(peerDependencies.preact).toContain(`^${version}`);
  expect(version).toMatch(/^10\./);
});
