// Apps that use the library as a user's would: installed by npm from the packed tarball (no symlink, so the app
// and the library share one React, Vue or Preact), built with the app's own tools and served on a free port.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packTarball } from '../../scripts/pack.mjs';

// Installs come from ~/.npm when it has them: a warm cache keeps CI from downloading the frameworks each run.
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];
const QUIET_ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: '1' };

/** A fresh folder under the system's temp directory. */
export const tempFolder = (name: string) => mkdtempSync(join(tmpdir(), `allur-consent-${name}-`));

/** Packs the built library (run `npm run build` first) and returns the tarball's path. */
export const packLibrary = () => packTarball(tempFolder('tarball'));

/** Runs `command` in `folder`, failing with its output if it fails. */
export function run(folder: string, command: string, args: string[]): void {
  try {
    execFileSync(command, args, { cwd: folder, env: QUIET_ENV, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${folder}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/** `npm install` of `packages` (tarballs or names) into `folder`. */
export const npmInstall = (folder: string, args: string[]) => run(folder, 'npm', ['install', ...NPM_FLAGS, ...args]);

/**
 * Copies examples/<name> (without what an earlier install or build left there) to a temp folder, installs its
 * lockfile with `npm ci` and then the library's tarball, without touching package.json or the lockfile.
 */
export function installExample(name: string, tarball: string): string {
  const folder = tempFolder(name);
  const skipped = new Set(['node_modules', 'dist', '.next', 'next-env.d.ts']);
  cpSync(join('examples', name), folder, {
    recursive: true,
    filter: (source) => !skipped.has(source.split('/').pop()!),
  });
  run(folder, 'npm', ['ci', ...NPM_FLAGS]);
  npmInstall(folder, ['--no-save', tarball]);
  return folder;
}

/** A port no one listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  stop(): void;
}

/** Starts `node_modules/.bin/<bin> ...args` in `folder` and resolves once `url` answers with 200. */
export async function serve(folder: string, bin: string, args: string[], url: string): Promise<AppServer> {
  const server: ChildProcess = spawn(join(folder, 'node_modules', '.bin', bin), args, {
    cwd: folder,
    env: QUIET_ENV,
    // Its own process group, so stop() ends the server and whatever it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk;
  };
  server.stdout!.on('data', record);
  server.stderr!.on('data', record);
  const stop = () => {
    if (server.exitCode === null) process.kill(-server.pid!, 'SIGTERM');
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${bin} ${args.join(' ')} exited:\n${output}`);
    const answered = await fetch(url).then((response) => response.ok, () => false);
    if (answered) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`${bin} ${args.join(' ')} did not answer ${url} within a minute:\n${output}`);
}
