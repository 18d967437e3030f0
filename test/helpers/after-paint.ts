// What a decision leaves for after the next paint (src/core/after-paint.ts) runs in a task queued from a frame
// callback: a frame callback registered after it, and a task queued from that, come later.

/** Resolves once the work a decision left for after the next paint has run. */
export const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));
