import type { FormDefinition, JsonSchema, JsonSchemaObject } from '@banshi/sdk/forms';

/** Plain JSON-ish form values, keyed as the definition's schema says. */
export type Values = Record<string, unknown>;

const segments = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The value at a JSON pointer, or undefined. */
export function getAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const key of segments(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Values)[key];
  }
  return value;
}

/**
 * A copy of `data` with `value` at `pointer` (objects and arrays on the way are copied, missing ones
 * created); `undefined` removes the property.
 */
export function setAt(data: Values, pointer: string, value: unknown): Values {
  const keys = segments(pointer);
  const put = (node: unknown, index: number): unknown => {
    const key = keys[index]!;
    const copy: Values | unknown[] = Array.isArray(node) ? [...node] : { ...(node as Values) };
    const next = index === keys.length - 1 ? value : put((copy as Values)[key] ?? {}, index + 1);
    if (next === undefined && !Array.isArray(copy)) delete (copy as Values)[key];
    else (copy as Values)[key] = next;
    return copy;
  };
  return keys.length ? (put(data, 0) as Values) : data;
}

/** Whether `pointer` is `scope` or lies inside it. */
export const within = (pointer: string, scope: string): boolean =>
  pointer === scope || pointer.startsWith(scope + '/');

/** The schema that describes the value at `pointer` (following properties, items and local $refs). */
export function schemaAt(definition: FormDefinition, pointer: string): JsonSchemaObject {
  const root = definition.schema;
  const deref = (schema: JsonSchema | undefined): JsonSchemaObject => {
    let node = (typeof schema === 'object' ? schema : {}) as JsonSchemaObject;
    for (let i = 0; node.$ref && i < 8; i++) {
      node = (getAt(root, node.$ref.slice(1)) ?? {}) as JsonSchemaObject;
    }
    return node;
  };
  let node = deref(root);
  for (const key of segments(pointer)) {
    node = deref(/^\d+$/.test(key) ? node.items : (node.properties?.[key] ?? thenProperty(node, key)));
  }
  return node;
}

/** A property that only an `allOf` → `then` branch declares. */
const thenProperty = (node: JsonSchemaObject, key: string): JsonSchema | undefined =>
  node.allOf
    ?.map((part) =>
      typeof part === 'object' && typeof part.then === 'object' ? part.then.properties?.[key] : undefined,
    )
    .find(Boolean);

/**
 * Whether the field at `pointer` is asked for as required: its parent lists it in `required`, directly
 * or in an `allOf` → `then` branch (a conditional requirement, shown only when it applies).
 */
export function isRequired(definition: FormDefinition, pointer: string): boolean {
  const cut = pointer.lastIndexOf('/');
  const parent = schemaAt(definition, pointer.slice(0, cut));
  const key = pointer.slice(cut + 1);
  return (
    !!parent.required?.includes(key) ||
    !!parent.allOf?.some(
      (part) =>
        typeof part === 'object' && typeof part.then === 'object' && part.then.required?.includes(key),
    )
  );
}
