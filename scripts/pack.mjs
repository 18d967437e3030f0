// The package as npm would publish it: `npm pack` of the built tree into a folder of the caller's choosing.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Packs this repository (build it first) into `destination` and returns the tarball's path. */
export function packTarball(destination) {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(output);
  return join(destination, filename);
}
