// Types of the demo server for the TypeScript tests.
import type { Server } from 'node:http';

/** One request recorded by the collector. */
export interface Hit {
  seq: number;
  kind: 'pixel' | 'consent' | 'vendor';
  receivedAt: string;
  ip: string;
  userAgent: string;
  cookies: Record<string, string>;
  transport: 'post' | 'image' | 'get';
  fields: Record<string, unknown>;
}

export interface DemoServerOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  distDir?: string;
  trustProxy?: boolean;
  maxHits?: number;
  heartbeatMs?: number;
  /** For tests: how long the answer to a consent receipt waits, in milliseconds, as over a slow network. */
  delayConsentAnswer?: (receipt: Record<string, unknown>) => number;
}

export interface DemoServer {
  server: Server;
  url: string;
  hitsFile: string;
  store: { list(): Hit[]; clear(): void; subscriberCount(): number };
  close(): Promise<void>;
}

/** Starts the demo server and resolves once it listens. */
export function createDemoServer(options?: DemoServerOptions): Promise<DemoServer>;

export const DEFAULT_DATA_DIR: string;
