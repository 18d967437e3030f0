// WebKitGTK's MiniBrowser driven by webdriverio over classic WebDriver (WebKitWebDriver). MiniBrowser has no
// headless mode, so the engine starts its own Xvfb; one WebKitWebDriver serves every session, each session is a
// new MiniBrowser with an ephemeral profile, and each tab is a window the driver switches to before acting.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { remote } from 'webdriverio';
import { BROWSER_ENV, ERROR_PROBE, type BrowserTab, type Engine, type Key, type Session } from './driver';

const XVFB_PATH = '/usr/bin/Xvfb';
const DRIVER_PATH = '/usr/bin/WebKitWebDriver';
const KEYS: Record<Key, string | string[]> = { Tab: 'Tab', 'Shift+Tab': ['Shift', 'Tab'], Escape: 'Escape', Enter: 'Enter' };

type Driver = Awaited<ReturnType<typeof remote>>;

/** Polls `ready` every 100 ms until it holds, failing with `what` after `timeoutMs`. */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

/** A display number no X server uses yet. */
function freeDisplay(): number {
  for (let display = 90; display < 200; display++) {
    if (!existsSync(`/tmp/.X11-unix/X${display}`) && !existsSync(`/tmp/.X${display}-lock`)) return display;
  }
  throw new Error('no free X display between :90 and :199');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Starts Xvfb and WebKitWebDriver on it; resolves with the driver's port and a function that stops both. */
async function startDriver(): Promise<{ port: number; stop(): void }> {
  for (const path of [XVFB_PATH, DRIVER_PATH]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: install it with apt-get install webkit2gtk-driver xvfb xauth`);
  }
  const display = freeDisplay();
  const processes: ChildProcess[] = [];
  const stop = () => processes.forEach((child) => child.kill());
  try {
    processes.push(spawn(XVFB_PATH, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    await until(() => existsSync(`/tmp/.X11-unix/X${display}`), `Xvfb :${display}`);
    const port = await freePort();
    processes.push(spawn(DRIVER_PATH, [`--port=${port}`], { stdio: 'ignore', env: { ...BROWSER_ENV, DISPLAY: `:${display}` } }));
    const status = () => fetch(`http://127.0.0.1:${port}/status`).then((response) => response.ok, () => false);
    await until(status, `WebKitWebDriver on port ${port}`);
    return { port, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function webkitTab(driver: Driver, handle: string, activate: (handle: string) => Promise<void>): BrowserTab {
  const act = async <T>(action: () => Promise<T>) => {
    await activate(handle);
    return action();
  };
  // Classic WebDriver has no preload scripts: the probe goes in as soon as the page has loaded.
  const goto = (url: string) => act(async () => {
    await driver.url(url);
    await driver.execute(ERROR_PROBE);
  });
  return {
    goto,
    evaluate: <T>(expression: string) => act(() => driver.execute(`return (${expression})`) as Promise<T>),
    press: (key) => act(() => driver.keys(KEYS[key])),
    resize: (width, height) => act(async () => {
      await driver.setWindowSize(width, height);
      return driver.execute(() => innerWidth);
    }),
    screenshot: (path) => act(async () => void (await driver.saveScreenshot(path))),
  };
}

export function webkitEngine(): Engine {
  let server: Promise<{ port: number; stop(): void }> | undefined;
  return {
    name: 'webkit',
    // Neither MiniBrowser nor WebKitWebDriver exposes a cookie policy, so the check cannot run here.
    canBlockCookies: false,
    async openSession() {
      const { port } = await (server ??= startDriver());
      const driver = await remote({
        hostname: '127.0.0.1', port, path: '/', logLevel: 'error',
        capabilities: { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true },
      });
      let current = await driver.getWindowHandle();
      const activate = async (handle: string) => {
        if (handle === current) return;
        await driver.switchToWindow(handle);
        current = handle;
      };
      const first = webkitTab(driver, current, activate);
      await first.resize(1280, 800);
      const session: Session = {
        tab: first,
        async newTab() {
          const { handle } = await driver.createWindow('tab');
          const tab = webkitTab(driver, handle, activate);
          await tab.resize(1280, 800);
          return tab;
        },
        close: () => driver.deleteSession(),
      };
      return session;
    },
    async stop() {
      (await server)?.stop();
    },
  };
}
