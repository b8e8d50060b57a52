import type { FieldElement, FormDefinition, LayoutElement } from './definition.js';
import { pointerSegments } from './pointer.js';

const MATERIALS = '#materials/';

/**
 * The message key naming what an error points at: the material's name for `#materials/<id>`;
 * else the label of the layout field with that scope (array indices ignored, and fields of a
 * repeating group found through its `elements`); else `field.<last property name>` when the
 * definition has such a message.
 */
export function labelKey(definition: FormDefinition, pointer: string): string | undefined {
  if (pointer.startsWith(MATERIALS)) {
    return definition.materials?.find((material) => material.id === pointer.slice(MATERIALS.length))?.name;
  }
  const generic = pointer.replace(/\/\d+(?=\/|$)/g, '');
  const find = (elements: readonly LayoutElement[]): string | undefined => {
    for (const element of elements) {
      const found =
        element.type === 'section'
          ? find(element.elements)
          : element.scope === pointer || element.scope === generic
            ? element.label
            : element.elements?.find((child: FieldElement) => element.scope + child.scope === generic)?.label;
      if (found) return found;
    }
    return undefined;
  };
  for (const page of definition.layout.pages) {
    const found = find(page.elements);
    if (found) return found;
  }
  const fallback = 'field.' + pointerSegments(generic).pop();
  return Object.values(definition.messages ?? {}).some((messages) => fallback in messages)
    ? fallback
    : undefined;
}
