import type { ConsentError, ConsentState, Pixel, ResolvedConfig } from './types';

export interface PixelOptions {
  config: Exclude<ResolvedConfig['pixel'], false>;
  getState(): ConsentState;
  cookieDomain: string | undefined;
  onError(error: ConsentError): void;
}

export interface PixelController extends Pixel {
  update(state: ConsentState): void;
  destroy(): void;
}

/** Creates the statistics pixel (SPEC §7): sends hits only while statistics is granted. */
export function createPixel(options: PixelOptions): PixelController {
  void options;
  return { track() {}, update() {}, destroy() {} };
}
