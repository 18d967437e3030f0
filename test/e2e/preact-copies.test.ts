// @vitest-environment node
// An app on Preact 10 that installs the packed library bundles one Preact: the app's. npm installs no copy of
// its own under allur-consent (preact is a peer dependency), and a bundler resolves the library's imports of
// preact and preact/hooks to the app's.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { npmInstall, packLibrary, tempFolder } from './packed-apps';

// The lowest Preact 10 of the peer range, the one the UI's tests also run on.
const PREACT_10 = JSON.parse(readFileSync('node_modules/preact10/package.json', 'utf8')).version as string;

let tarball = '';
let app = '';

beforeAll(() => {
  tarball = packLibrary();
  app = tempFolder('preact-app');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'preact-10-app', private: true, type: 'module' }));
  writeFileSync(
    join(app, 'main.js'),
    `import { render } from 'preact';
     import { useState } from 'preact/hooks';
     import { createConsent } from 'allur-consent';
     import { useConsent } from 'allur-consent/preact';
     export { render, useState, createConsent, useConsent };`,
  );
  npmInstall(app, [`preact@${PREACT_10}`, tarball]);
}, 300_000);

afterAll(() => {
  for (const folder of [app, tarball.replace(/\/[^/]+$/, '')]) rmSync(folder, { recursive: true, force: true });
});

test('npm installs no Preact of the library its own', () => {
  expect(JSON.parse(readFileSync(join(app, 'node_modules/preact/package.json'), 'utf8')).version).toBe(PREACT_10);
  expect(existsSync(join(app, 'node_modules/allur-consent/node_modules/preact'))).toBe(false);
});

test("the bundle's Preact modules all come from the app's Preact 10", async () => {
  const bundle = await rollup({ input: join(app, 'main.js'), plugins: [nodeResolve()], logLevel: 'silent' });
  const preactModules = bundle.cache!.modules.map((module) => module.id).filter((id) => /[/\\]preact[/\\]/.test(id));
  await bundle.close();
  // preact itself, its hooks and the JSX runtime the UI compiles to.
  expect(preactModules.length).toBeGreaterThanOrEqual(3);
  expect(preactModules.filter((id) => !id.startsWith(join(app, 'node_modules/preact/')))).toEqual([]);
});
