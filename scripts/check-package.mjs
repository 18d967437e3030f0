// Lints the published shape of the package: the tarball `npm pack` makes of the build, checked by publint
// (package.json against the files) and Are the Types Wrong (types under every TypeScript module resolution).
// Exits non-zero on any problem either reports.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTarball } from './pack.mjs';

const folder = mkdtempSync(join(tmpdir(), 'allur-consent-pack-'));
const run = (bin, args) => spawnSync(join('node_modules', '.bin', bin), args, { stdio: 'inherit' }).status === 0;
try {
  const tarball = packTarball(folder);
  const checks = [
    ['publint --strict', run('publint', ['run', '--strict', tarball])],
    ['attw', run('attw', ['--profile', 'strict', tarball])],
  ];
  const failed = checks.filter(([, passed]) => !passed).map(([name]) => name);
  if (failed.length > 0) {
    console.error(`check-package: ${failed.join(' and ')} found problems in ${tarball.split('/').pop()}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
