import type { Plugin } from 'vite';

export declare const LANGS: string[];
export declare function importSource(path: string): Promise<Record<string, unknown>>;
export declare function shippedTextsHashes(): Plugin;
export declare function uiFileHashes(folder: string): Plugin;
