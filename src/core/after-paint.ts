// How long the work waits for a frame that may never come (a throttled iframe): longer than a click's own task
// and its frame take, so it still runs after that paint.
const NO_FRAME_MS = 250;

/**
 * Holds the work of the last decision that the visitor does not see until the page has painted the click that made
 * it (Interaction to Next Paint): a frame callback runs before that frame's paint, the task it queues after it. A
 * hidden page paints no frame, so its work gets a task at once; a page left or hidden meanwhile runs the work as it
 * goes (`pagehide`, `visibilitychange`), and `flush()` runs it now.
 */
export function createAfterPaint(): { schedule(work: () => void): void; flush(): void } {
  let pending: (() => void) | undefined;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;

  const onHidden = () => document.visibilityState === 'hidden' && flush();
  function flush() {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
    const work = pending;
    pending = undefined;
    work?.();
  }
  const inNextTask = () => {
    timer = setTimeout(flush);
  };

  return {
    /** Runs `work` after the next paint; work still pending from before runs first, so nothing runs out of order. */
    schedule(work) {
      flush();
      pending = work;
      addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', onHidden);
      if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return inNextTask();
      frame = requestAnimationFrame(inNextTask);
      fallback = setTimeout(flush, NO_FRAME_MS);
    },
    flush,
  };
}
