// Global setup of the unit tests: some read the built bundle, so a fresh clone that never built builds first.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup() {
  if (!existsSync('dist/allur-consent.iife.js')) execSync('npm run build', { stdio: 'inherit' });
}
