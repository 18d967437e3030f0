// Types of the IP prefix helper for the TypeScript tests.
export function ipPrefix(address?: string): string;
