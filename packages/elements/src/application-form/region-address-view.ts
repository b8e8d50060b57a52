import { html, nothing, type TemplateResult } from 'lit';
import { PARTIAL_REGION, type AddressHost, type AddressValue } from './address-control.js';
import { idFor } from './field-ids.js';
import { schemaAt } from './form-data.js';

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
