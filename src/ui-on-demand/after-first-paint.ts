/**
 * Calls `callback` once the page has had its chance to paint without it: in a task after the next frame while
 * the document is still parsing or starting (a deferred script runs inside the page's parsing task), once
 * `<body>` exists; at once on a page already loaded. Returns what cancels it.
 */
export function afterFirstPaint(callback: () => void): () => void {
  if (document.readyState === 'complete' && document.body) {
    callback();
    return () => {};
  }
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inNextTask = () => {
    timer = setTimeout(callback);
  };
  // A frame callback runs before that frame's paint; the task it queues, after it.
  const schedule = () => {
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(inNextTask);
    else inNextTask();
  };
  if (document.body) schedule();
  else document.addEventListener('DOMContentLoaded', schedule, { once: true });
  return () => {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(timer);
    document.removeEventListener('DOMContentLoaded', schedule);
  };
}
