/** JSON pointers (RFC 6901) into the form data. */

/** `Object.hasOwn`, which Chromium 86 (a browser the widgets support) lacks. */
export const has = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);

/** Splits a JSON pointer into its unescaped segments: `/a~1b/0` → `['a/b', '0']`. */
export const pointerSegments = (pointer: string): string[] =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : [];

/** The value at a pointer, or `undefined` when any step is missing. */
export function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    if (value === null || typeof value !== 'object' || !has(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** True when `pointer` is `ancestor` itself or lies inside it. */
export const isWithin = (pointer: string, ancestor: string): boolean =>
  pointer === ancestor || pointer.startsWith(ancestor + '/');
