/**
 * Runs `task` at once when the page has loaded, else in a task of its own after the load event, so the page's start
 * pays none of its work; a page left before that runs it as it goes (`pagehide`). Returns what cancels it.
 */
export function afterLoad(task: () => void): () => void {
  if (document.readyState === 'complete') {
    task();
    return () => {};
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    removeEventListener('load', runSoon);
    removeEventListener('pagehide', runNow);
  };
  const runNow = () => {
    cancel();
    task();
  };
  function runSoon() {
    timer = setTimeout(runNow);
  }
  addEventListener('load', runSoon);
  addEventListener('pagehide', runNow);
  return cancel;
}
