import type { PropertyDeclaration, ReactiveElement } from 'lit';

/**
 * Declares an element's reactive properties as its `@property()` and `@state()` decorators do, in their
 * order: the CDN build writes one call of this per class in place of one decorator call per field.
 */
export function declareProperties(
  element: typeof ReactiveElement,
  declarations: Record<string, PropertyDeclaration>,
): void {
  for (const [name, options] of Object.entries(declarations)) element.createProperty(name, options);
}
