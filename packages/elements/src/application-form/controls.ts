import { html, nothing, type TemplateResult } from 'lit';
import {
  chineseFormat,
  type ChineseFormatName,
  type FieldElement,
  type FormDefinition,
  type JsonSchemaObject,
  type JsonValue,
} from '@banshi/sdk/forms';
import { isRegionAddress, type AddressHost, type AddressValue } from './address-control.js';
import type * as AddressParts from './address.js';
import { idFor } from './field-ids.js';
import { getAt, isRequired, schemaAt, type Values } from './form-data.js';
import type { Region } from './types.js';

/** What a control needs from the form that shows it. */
export interface ControlHost {
  readonly definition?: FormDefinition;
  readonly data: Values;
  /** A text of the definition (label, hint, option) in the current locale. */
  t(key: string): string;
  /** A text of the widget. */
  msg(key: string, params?: Record<string, string | number>): string;
  /** The message of the error at exactly this pointer, if any. */
  errorAt(pointer: string): string | undefined;
  /** Stores a value; `raw` is the text as typed when it differs from the value (numbers, money). */
  change(pointer: string, value: unknown, raw?: string): void;
  /** What was typed into a number or money box. */
  rawAt(pointer: string): string | undefined;
  /** The regions under `parent` ('' for the top level); undefined while they load. */
  regions(parent: string): Region[] | undefined;
  /** Whether the field holds a value from 统一身份认证, shown read-only with its source. */
  lockedAt?(pointer: string): boolean;
  /** The region address's control and checks, fetched for forms that ask for one. */
  readonly address?: typeof AddressParts;
}

export { idFor } from './field-ids.js';

/** The controls made for a Chinese format, and the format each one enters. */
const FORMAT_OF_KIND: Readonly<Record<string, ChineseFormatName>> = {
  idNumber: 'cn-id-card',
  creditCode: 'cn-uscc',
  mobile: 'cn-mobile',
  region: 'cn-region-code',
};
const KIND_OF_FORMAT = Object.fromEntries(
  Object.entries(FORMAT_OF_KIND).map(([kind, format]) => [format, kind]),
) as Readonly<Record<string, string>>;

/** The control a field gets: its `widget`, else what its schema implies. */
export function kindOf(field: FieldElement, schema: JsonSchemaObject): string {
  if (isRegionAddress(field, schema)) return 'regionAddress';
  if (field.widget) return field.widget;
  const format = schema.format ?? '';
  if (format === 'date') return 'date';
  if (KIND_OF_FORMAT[format]) return KIND_OF_FORMAT[format];
  if (schema.enum) return 'select';
  if (schema.type === 'boolean') return 'checkbox';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'array')
    return typeof schema.items === 'object' && schema.items.type === 'object' ? 'repeat' : 'checkboxes';
  return 'text';
}

/** The choices of a select, radios or checkboxes control, as [value, label]. */
export function optionsOf(
  host: ControlHost,
  field: FieldElement,
  schema: JsonSchemaObject,
): Array<[JsonValue, string]> {
  const listed = (field as { options?: Array<{ value: JsonValue; label: string }> }).options;
  if (listed) return listed.map((option) => [option.value, host.t(option.label)]);
  const values = schema.enum ?? (typeof schema.items === 'object' ? schema.items.enum : undefined) ?? [];
  return values.map((value) => [value, String(value)]);
}

/** Ancestors of a region code and the code itself: `150302` → 150000, 150300, 150302. */
export const regionChain = (code: string): string[] =>
  [...new Set([code.slice(0, 2) + '0000', code.slice(0, 4) + '00', code])].filter((c) => c.length === 6);

const NUMBER = /^-?\d+(\.\d+)?$/;
const MONEY = /^\d+(\.\d{1,2})?$/;

function describedBy(id: string, hint: boolean, error: boolean, locked = false): string | typeof nothing {
  const ids = [locked ? `${id}-source` : '', hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return ids || nothing;
}

/** One field of a page: label, hint, inline error and the control. */
export function renderField(
  host: ControlHost,
  field: FieldElement,
  pointer: string,
  enabled = true,
): TemplateResult {
  const schema = schemaAt(host.definition!, pointer);
  const kind = kindOf(field, schema);
  const id = idFor(pointer);
  const error = host.errorAt(pointer);
  const value = getAt(host.data, pointer);
  const label = html`${host.t(field.label)}${isRequired(host.definition!, pointer) ? nothing : host.msg('apply.optional')}`;
  const hint = field.hint ? html`<div class="hint" id="${id}-hint">${host.t(field.hint)}</div>` : nothing;
  const errorLine = error
    ? html`<p class="error" id="${id}-error">
        <span class="sr-only">${host.msg('apply.errors')}：</span>${error}
      </p>`
    : nothing;
  const locked = host.lockedAt?.(pointer) ?? false;
  const source = locked
    ? html`<div class="hint verified" id="${id}-source" part="verified">${host.msg('apply.verified')}</div>`
    : nothing;
  const aria = describedBy(id, !!field.hint, !!error, locked);
  const group = ['radios', 'checkboxes', 'checkbox', 'region', 'regionAddress', 'repeat'].includes(kind);
  if (group) {
    return html`<fieldset
      class="field ${error ? 'invalid' : ''}"
      aria-describedby=${aria}
      ?disabled=${!enabled}
    >
      <legend>${label}</legend>
      ${hint}${errorLine}${renderGroup(host, field, schema, kind, pointer, value)}
    </fieldset>`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}">
    <label for=${id}>${label}</label>
    ${source}${hint}${errorLine}${renderInput(host, field, schema, kind, pointer, value, aria, enabled, !!error)}
  </div>`;
}

function renderInput(
  host: ControlHost,
  field: FieldElement,
  schema: JsonSchemaObject,
  kind: string,
  pointer: string,
  value: unknown,
  aria: string | typeof nothing,
  enabled: boolean,
  invalid: boolean,
): TemplateResult {
  const id = idFor(pointer);
  const set = (event: Event, transform = (text: string) => text as unknown) => {
    const text = (event.target as HTMLInputElement).value;
    host.change(pointer, text === '' ? undefined : transform(text), text);
  };
  if (kind === 'select') {
    return html`<select
      id=${id}
      aria-describedby=${aria}
      aria-invalid=${invalid}
      ?disabled=${!enabled}
      @change=${(event: Event) => {
        const index = (event.target as HTMLSelectElement).selectedIndex - 1;
        host.change(pointer, index < 0 ? undefined : optionsOf(host, field, schema)[index]![0]);
      }}
    >
      <option value="">${host.msg('apply.choose')}</option>
      ${optionsOf(host, field, schema).map(([option, text]) => html`<option ?selected=${option === value}>${text}</option>`)}
    </select>`;
  }
  if (kind === 'textarea') {
    const max = schema.maxLength;
    const length = typeof value === 'string' ? value.length : 0;
    return html`<textarea
        id=${id}
        aria-describedby=${max ? `${id}-count ${aria === nothing ? '' : aria}` : aria}
        aria-invalid=${invalid}
        ?disabled=${!enabled}
        .value=${String(value ?? '')}
        @input=${set}
      ></textarea>
      ${max ? html`<div class="hint count" id="${id}-count">${host.msg('apply.chars', { count: length, max })}</div>` : nothing}`;
  }
  const numeric = kind === 'number' || kind === 'money';
  // ID numbers and credit codes are kept as stored while typed (capital X, no stray spaces); a mobile
  // number keeps the spaces people type and is normalised when checked.
  const coded =
    kind === 'idNumber' || kind === 'creditCode' ? chineseFormat(FORMAT_OF_KIND[kind]) : undefined;
  const typed = numeric
    ? (host.rawAt(pointer) ??
      (value === undefined ? '' : kind === 'money' ? String(Number(value) / 100) : String(value)))
    : String(value ?? '');
  const types: Record<string, string> = { date: 'date', mobile: 'tel' };
  const autocomplete: Record<string, string> = {
    mobile: 'tel',
    address: 'street-address',
    idNumber: 'off',
    creditCode: 'off',
  };
  const transform = numeric
    ? (text: string) => {
        const clean = text.trim().replace(/,/g, '');
        if (kind === 'money') return MONEY.test(clean) ? Math.round(parseFloat(clean) * 100) : text;
        return NUMBER.test(clean) ? Number(clean) : text;
      }
    : coded
      ? coded.normalize
      : undefined;
  const unit = kind === 'money' ? host.msg('apply.yuan') : field.unit;
  const input = html`<input
    id=${id}
    type=${types[kind] ?? 'text'}
    .value=${typed}
    inputmode=${numeric ? 'decimal' : kind === 'idNumber' ? 'text' : nothing}
    autocomplete=${autocomplete[kind] ?? nothing}
    spellcheck=${coded ? 'false' : nothing}
    maxlength=${coded?.maxLength ?? schema.maxLength ?? nothing}
    class=${numeric || kind === 'date' || kind === 'mobile' ? 'short' : ''}
    aria-describedby=${aria}
    aria-invalid=${invalid}
    ?disabled=${!enabled}
    ?readonly=${host.lockedAt?.(pointer) ?? false}
    @input=${(event: Event) => set(event, transform)}
  />`;
  return unit ? html`<span class="with-unit">${input}<span>${unit}</span></span>` : input;
}

function renderGroup(
  host: ControlHost,
  field: FieldElement,
  schema: JsonSchemaObject,
  kind: string,
  pointer: string,
  value: unknown,
): TemplateResult {
  const id = idFor(pointer);
  if (kind === 'checkbox') {
    return html`<label class="option"
      ><input
        id=${id}
        type="checkbox"
        .checked=${value === true}
        @change=${(event: Event) => host.change(pointer, (event.target as HTMLInputElement).checked)}
      />
      <span>${host.msg('apply.yes')}</span></label
    >`;
  }
  if (kind === 'radios' || kind === 'checkboxes') {
    const many = kind === 'checkboxes';
    const chosen = many && Array.isArray(value) ? (value as unknown[]) : [];
    const options = optionsOf(host, field, schema);
    return html`<div class="options">
      ${options.map(
        ([option, text], index) =>
          html`<label class="option"
            ><input
              id=${index ? nothing : id}
              type=${many ? 'checkbox' : 'radio'}
              name=${id}
              .checked=${many ? chosen.includes(option) : value === option}
              @change=${(event: Event) => {
                const on = (event.target as HTMLInputElement).checked;
                if (!many) host.change(pointer, option);
                else {
                  const next = options
                    .map(([o]) => o)
                    .filter((o) => (o === option ? on : chosen.includes(o)));
                  host.change(pointer, next.length ? next : undefined);
                }
              }}
            /><span>${text}</span></label
          >`,
      )}
    </div>`;
  }
  if (kind === 'region') return renderRegion(host, pointer, typeof value === 'string' ? value : '');
  if (kind === 'regionAddress')
    return (
      host.address?.renderRegionAddress(host as AddressHost, pointer, (value ?? {}) as AddressValue) ?? html``
    );
  return renderRepeat(host, field, schema, pointer, Array.isArray(value) ? (value as Values[]) : []);
}

function renderRegion(host: ControlHost, pointer: string, value: string): TemplateResult {
  const id = idFor(pointer);
  const chain = value ? regionChain(value) : [];
  const levels = ['province', 'city', 'county'];
  const selects: TemplateResult[] = [];
  for (let level = 0; level < 3; level++) {
    const list = host.regions(level ? chain[level - 1]! : '');
    if (!list?.length || (level && !chain[level - 1])) break;
    const selectId = level ? `${id}-${level}` : id;
    selects.push(
      html`<span class="region-level"
        ><label for=${selectId}>${host.msg(`apply.region.${levels[level]}`)}</label>
        <select
          id=${selectId}
          @change=${(event: Event) => {
            const code = (event.target as HTMLSelectElement).value;
            host.change(pointer, code || chain[level - 1] || undefined);
          }}
        >
          <option value="">${host.msg('apply.choose')}</option>
          ${list.map((region) => html`<option value=${region.code} ?selected=${chain[level] === region.code}>${region.name}</option>`)}
        </select></span
      >`,
    );
  }
  return html`<div class="options">${selects}</div>`;
}

function renderRepeat(
  host: ControlHost,
  field: FieldElement,
  schema: JsonSchemaObject,
  pointer: string,
  entries: Values[],
): TemplateResult {
  const itemSchema = (typeof schema.items === 'object' ? schema.items : {}) as JsonSchemaObject;
  const children: FieldElement[] =
    field.elements ??
    Object.keys(itemSchema.properties ?? {}).map((key) => ({ scope: '/' + key, label: 'field.' + key }));
  const max = schema.maxItems ?? 50;
  return html`${entries.map(
    (_, index) =>
      html`<fieldset class="entry">
        <legend>${host.msg('apply.entry', { n: index + 1 })}</legend>
        ${children.map((child) => renderField(host, child, `${pointer}/${index}${child.scope}`))}
        <button
          type="button"
          class="link"
          @click=${() =>
            host.change(
              pointer,
              entries.filter((_, i) => i !== index),
            )}
        >
          ${host.msg('apply.remove', { n: index + 1 })}
        </button>
      </fieldset>`,
  )}
  ${
    entries.length < max
      ? html`<button
          type="button"
          id=${idFor(pointer)}
          @click=${() => host.change(pointer, [...entries, {}])}
        >
          ${field.addLabel ? host.t(field.addLabel) : host.msg('apply.add')}
        </button>`
      : nothing
  }`;
}
