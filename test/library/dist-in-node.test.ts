// @vitest-environment node
// The built files as a server or a Node script loads them: each in its own Node process, with no document.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

const run = (script: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const useInstance = (factory: string) => `
  const consent = ${factory}({ policyVersion: 'v1' });
  consent.acceptAll();
  console.log(JSON.stringify({ state: consent.getState(), statistics: consent.has('statistics') }));
  consent.destroy();`;

const undecided = {
  state: {
    decided: false,
    categories: { necessary: true, functional: false, statistics: false, marketing: false },
    policyVersion: 'v1',
    decidedAt: null,
    id: null,
  },
  statistics: false,
};

test.each([
  ['dist/index.mjs', 'createConsent'],
  ['dist/core.mjs', 'createConsentCore'],
])('import of %s works and %s is inert', (file, factory) => {
  const output = run(`import { ${factory} } from './${file}';${useInstance(factory)}`, 'module');
  expect(JSON.parse(output)).toEqual(undecided);
});

test.each([
  ['dist/index.cjs', 'createConsent'],
  ['dist/core.cjs', 'createConsentCore'],
])('require of %s works and %s is inert', (file, factory) => {
  const output = run(`const { ${factory} } = require('./${file}');${useInstance(factory)}`, 'commonjs');
  expect(JSON.parse(output)).toEqual(undecided);
});

test('the script-tag bundle evaluates without a document', () => {
  const output = run(
    `const { readFileSync } = require('node:fs');
     const vm = require('node:vm');
     const context = vm.createContext({ console });
     context.window = context;
     vm.runInContext(readFileSync('dist/allur-consent.iife.js', 'utf8'), context);
     console.log(typeof context.AllurConsent);`,
    'commonjs',
  );
  expect(output.trim()).toBe('undefined');
});
