/**
 * Layering config objects: keys set to `undefined` in an override must not hide the layer below
 * (with `exactOptionalPropertyTypes` off at call sites, `{ key: undefined }` is easy to pass).
 */
export function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  if (o === undefined) return {};
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
