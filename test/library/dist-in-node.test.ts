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

test.each(['allur-consent.iife.js', 'allur-consent-ui.ru.js', 'allur-consent-ui.kk.js', 'allur-consent-ui.en.js'])(
  'the script-tag file %s evaluates without a document, and does nothing',
  (file) => {
    const output = run(
      `const { readFileSync } = require('node:fs');
       const vm = require('node:vm');
       const context = vm.createContext({ console });
       context.window = context;
       vm.runInContext(readFileSync('dist/${file}', 'utf8'), context);
       console.log(Object.keys(context).join());`,
      'commonjs',
    );
    expect(output.trim()).toBe('console,window');
  },
);
