import type { FieldElement, FormDefinition, LayoutElement } from './definition.js';
import { pointerSegments } from './pointer.js';

const MATERIALS = '#materials/';

/**
 * The layout field a data pointer belongs to: the field with that scope (array indices ignored),
 * or a field of a repeating group found through its `elements`.
 */
export function fieldAt(definition: FormDefinition, pointer: string): FieldElement | undefined {
  const generic = pointer.replace(/\/\d+(?=\/|$)/g, '');
  const find = (elements: readonly LayoutElement[]): FieldElement | undefined => {
    for (const element of elements) {
      const found =
        element.type === 'section'
          ? find(element.elements)
          : element.scope === pointer || element.scope === generic
            ? element
            : element.elements?.find((child) => element.scope + child.scope === generic);
      if (found) return found;
    }
    return undefined;
  };
  for (const page of definition.layout.pages) {
    const found = find(page.elements);
    if (found) return found;
  }
  return undefined;
}

/**
 * The message key naming what an error points at: the material's name for `#materials/<id>`; else
 * the label of its field (see {@link fieldAt}); else `field.<last property name>` when the definition
 * has such a message.
 */
export function labelKey(definition: FormDefinition, pointer: string): string | undefined {
  if (pointer.startsWith(MATERIALS)) {
    return definition.materials?.find((material) => material.id === pointer.slice(MATERIALS.length))?.name;
  }
  const field = fieldAt(definition, pointer);
  if (field) return field.label;
  const fallback = 'field.' + pointerSegments(pointer.replace(/\/\d+(?=\/|$)/g, '')).pop();
  return Object.values(definition.messages ?? {}).some((messages) => fallback in messages)
    ? fallback
    : undefined;
}
