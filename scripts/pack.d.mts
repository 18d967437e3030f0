// Types of scripts/pack.mjs for the TypeScript tests.
export declare function packTarball(destination: string): string;
