// SHA-256 (FIPS 180-4), synchronous: receipts go out in the click's task, and crypto.subtle exists only on https.

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const ROUND_CONSTANTS = new Uint32Array(64);
// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
const INITIAL_HASH = new Uint32Array(8);

/** Fills the constants once, from the primes, on the first digest. */
function prepare() {
  let found = 0;
  for (let candidate = 2; found < 64; candidate++) {
    let prime = true;
    for (let divisor = 2; divisor * divisor <= candidate; divisor++) if (candidate % divisor === 0) prime = false;
    if (!prime) continue;
    if (found < 8) INITIAL_HASH[found] = (Math.sqrt(candidate) % 1) * 2 ** 32;
    ROUND_CONSTANTS[found++] = (Math.cbrt(candidate) % 1) * 2 ** 32;
  }
}

const rotate = (value: number, bits: number) => (value >>> bits) | (value << (32 - bits));

/** The SHA-256 digest of `text` encoded as UTF-8, in lowercase hex. */
export function sha256Hex(text: string): string {
  if (!ROUND_CONSTANTS[0]) prepare();
  const bytes = new TextEncoder().encode(text);
  // The message, a 1 bit, zeros, and its length in bits as a 64-bit big-endian number, in 64-byte blocks.
  const blocks = Math.ceil((bytes.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 2 ** 29));
  view.setUint32(padded.length - 4, bytes.length * 8);

  const hash = INITIAL_HASH.slice();
  const words = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) words[i] = view.getUint32(block + i * 4);
      else {
        const [w15, w2] = [words[i - 15], words[i - 2]];
        const s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >>> 3);
        const s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >>> 10);
        words[i] = words[i - 16] + s0 + words[i - 7] + s1;
      }
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i] + words[i];
      const t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, h].forEach((value, i) => {
      hash[i] += value;
    });
  }
  return Array.from(hash, (word) => word.toString(16).padStart(8, '0')).join('');
}
