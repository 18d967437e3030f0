// The collector's memory: the last hits, mirrored to an NDJSON file and to live listeners.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates a store that keeps the newest `limit` hits (dropping the oldest), appends
 * every hit as one JSON line to `file` and tells subscribers about it.
 */
export function createHitStore({ file, limit = 1000 }) {
  mkdirSync(dirname(file), { recursive: true });
  let hits = [];
  let seq = 0;
  const listeners = new Set();
  const notify = (type, data) => listeners.forEach((listener) => listener(type, data));

  return {
    file,
    /** Stores one hit, numbering it; returns the stored hit. */
    add(hit) {
      const stored = { seq: ++seq, ...hit };
      hits.push(stored);
      if (hits.length > limit) hits = hits.slice(hits.length - limit);
      // Synchronous so that lines keep their order and the file is complete when the response leaves.
      appendFileSync(file, JSON.stringify(stored) + '\n');
      notify('hit', stored);
      return stored;
    },
    /** The hits in memory, oldest first. */
    list: () => hits.slice(),
    /** Empties the memory (the NDJSON file keeps its history). */
    clear() {
      hits = [];
      notify('reset', {});
    },
    /** Calls `listener(type, data)` for each new hit (`hit`) and each clear (`reset`); returns the unsubscribe. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** How many live listeners are subscribed (SSE clients). */
    subscriberCount: () => listeners.size,
  };
}
