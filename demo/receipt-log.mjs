// The consent log: one receipt per line of an NDJSON file, each line chained to the one before it.
//
// A line is the JSON of the stored receipt with `prev` (the previous line's `hash`, 64 zeros on the first
// line) and, last, `hash`: the SHA-256 hex of the line's text up to `hash`, closed with `}`. So a changed line
// no longer matches its own hash, and a removed, added or reordered line no longer follows the one before.
// Cutting lines off the end leaves a valid chain: keep the last hash elsewhere (the verifier prints it).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const FIRST_PREV = '0'.repeat(64);
const HASH_FIELD = /^(.*),"hash":"([0-9a-f]{64})"\}$/s;

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Checks the log's text; returns `{ ok: true, count, head }` or `{ ok: false, line, reason }` for the first broken line. */
export function verifyReceiptLog(text) {
  const lines = text.split('\n');
  if (lines.at(-1) !== '') return { ok: false, line: lines.length, reason: 'the last line is cut short (no line break)' };
  let prev = FIRST_PREV;
  for (const [index, line] of lines.slice(0, -1).entries()) {
    const fail = (reason) => ({ ok: false, line: index + 1, reason });
    const match = HASH_FIELD.exec(line);
    if (!match) return fail('no "hash" field at the end of the line');
    const [, unhashed, hash] = match;
    if (sha256(unhashed + '}') !== hash) return fail('the line was changed: it does not match its hash');
    let stored;
    try {
      stored = JSON.parse(line);
    } catch {
      return fail('not JSON');
    }
    if (stored.prev !== prev) {
      return fail(index ? `it does not follow line ${index}: a line was removed, added or reordered` : 'it is not the first line of the log');
    }
    prev = hash;
  }
  return { ok: true, count: lines.length - 1, head: prev };
}

/** The `hash` of the log's last line, so a restarted server continues the chain. */
function lastHash(file) {
  if (!existsSync(file)) return FIRST_PREV;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return HASH_FIELD.exec(lines.at(-1))?.[2] ?? FIRST_PREV;
}

/** Opens (or creates) the log at `file`; `append(record)` writes the record as one chained line. */
export function createReceiptLog({ file }) {
  mkdirSync(dirname(file), { recursive: true });
  let prev = lastHash(file);
  return {
    file,
    append(record) {
      const unhashed = JSON.stringify({ ...record, prev });
      const hash = sha256(unhashed);
      // Synchronous so that lines keep their order and the line is written when the response leaves.
      appendFileSync(file, `${unhashed.slice(0, -1)},"hash":"${hash}"}\n`);
      prev = hash;
    },
  };
}
