/** Whether two config values are alike: plain data compared field by field, RegExps by source and flags. */
function alike(a: unknown, b: unknown): boolean {
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b) && a instanceof RegExp && b instanceof RegExp;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields].every((field) => alike(a[field as keyof typeof a], b[field as keyof typeof b]));
}

/** The top-level keys whose values differ between two resolved configs. */
export const differingKeys = <T extends object>(a: T, b: T) =>
  Object.keys({ ...a, ...b }).filter((key) => !alike(a[key as keyof T], b[key as keyof T]));
