/**
 * `load` shared by everyone who asks while it runs: a result is kept; a failure is told once on the console and
 * forgotten, so the next ask tries again. What it returns never rejects: a failure resolves to `undefined`.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T | undefined> {
  let loading: Promise<T | undefined> | undefined;
  return () =>
    (loading ??= new Promise<T>((resolve) => resolve(load())).catch((error) => {
      loading = undefined;
      console.error(error);
      return undefined;
    }));
}
