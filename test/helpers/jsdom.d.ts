// The part of jsdom's API the script-tag tests use (the package ships no types).
declare module 'jsdom' {
  export class VirtualConsole {
    on(event: 'jsdomError', listener: (error: Error & { type?: string }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  /** Answers a request of the page itself (a Response), or lets it go on (undefined). */
  export type RequestInterceptor = unknown;
  export function requestInterceptor(
    answer: (request: Request, context: { element: Element | null }) => Response | undefined | Promise<Response | undefined>,
  ): RequestInterceptor;
  export class JSDOM {
    constructor(
      html: string,
      options: { runScripts?: 'dangerously'; url?: string; virtualConsole?: VirtualConsole; resources?: { interceptors?: RequestInterceptor[] } },
    );
    readonly window: Window;
  }
}
