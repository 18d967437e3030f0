/** What a random id looks like once stored: consent ids and visitor ids read back from cookies must match it. */
export const RANDOM_ID = /^[\w-]{8,64}$/;

/** Returns a new random id for a consent or a visitor: 16 random bytes in hex (randomUUID would need https). */
export const newRandomId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
