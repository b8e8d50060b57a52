import type { FormValues, JsonObject } from './definition.js';
import { has, pointerSegments } from './pointer.js';

/** Copies `value` without the property at `segments`; returns `value` itself when there is nothing to drop. */
function without(value: unknown, segments: readonly string[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined || value === null || typeof value !== 'object' || !has(value, head)) {
    return value;
  }
  const source = value as Record<string, unknown>;
  if (rest.length) {
    const child = without(source[head], rest);
    if (child === source[head]) return value;
    const copy = Array.isArray(value) ? [...value] : { ...source };
    (copy as Record<string, unknown>)[head] = child;
    return copy;
  }
  if (Array.isArray(value)) return value.filter((_, index) => String(index) !== head);
  const { [head]: _dropped, ...kept } = source;
  return kept;
}

/**
 * Drops `undefined` and strings that are empty or only spaces: an empty box is an unanswered
 * question. In arrays, where dropping would shift the entries, they become `null`.
 */
function withoutBlanks(value: unknown): unknown {
  const blank = (item: unknown) => item === undefined || (typeof item === 'string' && !item.trim());
  if (Array.isArray(value)) return value.map((item) => (blank(item) ? null : withoutBlanks(item)));
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so a "__proto__" key in posted JSON stays data.
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) => (blank(item) ? [] : [[key, withoutBlanks(item)]])),
  );
}

/**
 * The data without the values at hidden pointers and without blank strings, as it is validated and
 * submitted. The input is never changed, so a form can keep what the user typed in case a hidden
 * field is shown again.
 */
export function pruneData(data: FormValues, hidden: Iterable<string>): JsonObject {
  let pruned = withoutBlanks(data);
  for (const pointer of hidden) pruned = without(pruned, pointerSegments(pointer));
  return pruned as JsonObject;
}
