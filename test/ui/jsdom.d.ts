// The part of jsdom's API the script-tag tests use (the package ships no types).
declare module 'jsdom' {
  export class VirtualConsole {
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export class JSDOM {
    constructor(html: string, options: { runScripts?: 'dangerously'; url?: string; virtualConsole?: VirtualConsole });
    readonly window: Window;
  }
}
