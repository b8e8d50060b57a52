import { html, nothing, type TemplateResult } from 'lit';
import type { FieldElement, FormDefinition, JsonSchemaObject, LayoutElement } from '@banshi/sdk/forms';
import type { ControlHost } from './controls.js';
import { idFor } from './field-ids.js';
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

/** The 省/市/区 picker, then the street, as one group. */
export function renderRegionAddress(host: AddressHost, pointer: string, value: AddressValue): TemplateResult {
  const regionPointer = `${pointer}/regionCode`;
  const streetPointer = `${pointer}/street`;
  const streetId = idFor(streetPointer);
  const regionError = host.errorAt(regionPointer);
  const streetError = host.errorAt(streetPointer);
  const street = schemaAt(host.definition!, streetPointer);
  const line = (id: string, message: string | undefined) =>
    message
      ? html`<p class="error" id="${id}-error">
          <span class="sr-only">${host.msg('apply.errors')}：</span>${message}
        </p>`
      : nothing;
  return html`<div class="address">
    ${line(idFor(regionPointer), regionError)}
    <banshi-region-picker
      id=${idFor(regionPointer)}
      class=${regionError ? 'invalid' : ''}
      label=${host.msg('apply.address.region')}
      regions-url=${host.regionsUrl || nothing}
      ?elder=${host.elder ?? false}
      required
      .value=${value.regionCode ?? ''}
      @banshi-region-change=${(event: CustomEvent<{ code: string; path: string[]; complete: boolean }>) => {
        event.stopPropagation();
        const { code, path, complete } = event.detail;
        const chosen = { regionCode: code || undefined, regionNames: path.length ? path : undefined };
        host.change(pointer, { ...value, ...chosen }, code && !complete ? PARTIAL_REGION : undefined);
      }}
    ></banshi-region-picker>
    <label for=${streetId}>${host.msg('apply.address.street')}</label>
    ${line(streetId, streetError)}
    <input
      id=${streetId}
      type="text"
      autocomplete="address-line1"
      maxlength=${street.maxLength ?? nothing}
      aria-describedby=${streetError ? `${streetId}-error` : nothing}
      aria-invalid=${!!streetError}
      .value=${value.street ?? ''}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        host.change(streetPointer, text === '' ? undefined : text);
      }}
    />
  </div>`;
}

/** The address as the applicant reads it back: the region's names, then the street. */
export const addressText = (value: AddressValue): string =>
  [...(value.regionNames ?? []), value.street ?? ''].filter(Boolean).join(' ');
