import type { FieldElement, FormDefinition, JsonSchemaObject, LayoutElement } from '@banshi/sdk/forms';
import type { ControlHost } from './controls.js';
import { schemaAt } from './form-data.js';

/**
 * What an address control stores (the contract's `address` widget on an object): the region code, its
 * names from the province down, and the street. Parts stay undefined until chosen or typed.
 */
export interface AddressValue {
  regionCode?: string;
  regionNames?: string[];
  street?: string;
}

/** What the address control needs from the form besides {@link ControlHost}. */
export interface AddressHost extends ControlHost {
  readonly elder?: boolean;
  /** The folder of the region files, handed to the picker (its own default when empty). */
  readonly regionsUrl?: string;
}

/** Kept in the form's `raw` map under the address pointer while a lower level is still to choose. */
export const PARTIAL_REGION = 'partial';

/** Whether a field is an address made of a region and a street (an `address` widget on an object). */
export const isRegionAddress = (field: FieldElement, schema: JsonSchemaObject): boolean =>
  field.widget === 'address' && schema.type === 'object';

/**
 * Every field of a page's elements, sections and repeated entries flattened, with its pointer (a
 * repeated entry's fields as in its first entry).
 */
export function fieldsOf(elements: readonly LayoutElement[], prefix = ''): Array<[FieldElement, string]> {
  return elements.flatMap((element): Array<[FieldElement, string]> => {
    if (element.type === 'section') return fieldsOf(element.elements, prefix);
    const field = element as FieldElement;
    const pointer = prefix + field.scope;
    return [[field, pointer], ...(field.elements ? fieldsOf(field.elements, pointer + '/0') : [])];
  });
}

/** Whether the definition asks for a region address anywhere (the region picker is loaded for it). */
export function hasRegionAddress(definition: FormDefinition | undefined): boolean {
  if (!definition?.layout) return false;
  return definition.layout.pages.some((page) =>
    fieldsOf(page.elements).some(([field, pointer]) => isRegionAddress(field, schemaAt(definition, pointer))),
  );
}

/** The address as the applicant reads it back: the region's names, then the street. */
export const addressText = (value: AddressValue): string =>
  [...(value.regionNames ?? []), value.street ?? ''].filter(Boolean).join(' ');
