import { html, nothing, type TemplateResult } from 'lit';
import type { FieldElement, LayoutElement, Material, ResolvedForm } from '@banshi/sdk/forms';
import { addressText, type AddressValue } from './address-control.js';
import { kindOf, optionsOf, type ControlHost } from './controls.js';
import { getAt, schemaAt, type Values } from './form-data.js';

type Host = ControlHost & { readonly regionName?: (code: string) => string };

/** A value as the applicant recognises it: option labels, 元 for money, region names, yes/no. */
export function displayValue(host: Host, field: FieldElement, pointer: string, value: unknown): string {
  if (value === undefined || value === '' || value === null || (Array.isArray(value) && !value.length))
    return host.msg('apply.none');
  const schema = schemaAt(host.definition!, pointer);
  const kind = kindOf(field, schema);
  if (kind === 'repeat') {
    const children = field.elements ?? [];
    return (value as Values[])
      .map(
        (entry, i) =>
          `${i + 1}. ` +
          children
            .map((c) => displayValue(host, c, `${pointer}/${i}${c.scope}`, getAt(entry, c.scope)))
            .join('，'),
      )
      .join('；');
  }
  if (['select', 'radios', 'checkboxes'].includes(kind)) {
    const options = optionsOf(host, field, schema);
    return [value]
      .flat()
      .map((v) => options.find(([o]) => o === v)?.[1] ?? String(v))
      .join('、');
  }
  if (typeof value === 'boolean') return host.msg(value ? 'apply.yes' : 'apply.no');
  if (kind === 'regionAddress') return addressText(value as AddressValue);
  if (kind === 'money' && typeof value === 'number')
    return `${(value / 100).toFixed(2)} ${host.msg('apply.yuan')}`;
  if (kind === 'region' && typeof value === 'string') {
    const names = [value.slice(0, 2) + '0000', value.slice(0, 4) + '00', value]
      .filter((code, i, all) => all.indexOf(code) === i)
      .map(
        (code) =>
          [
            host.regions(
              code.endsWith('0000')
                ? ''
                : code.endsWith('00')
                  ? code.slice(0, 2) + '0000'
                  : code.slice(0, 4) + '00',
            ) ?? [],
          ]
            .flat()
            .find((r) => r.code === code)?.name,
      )
      .filter(Boolean);
    return names.length ? names.join(' ') : value;
  }
  return String(value) + (field.unit ? ` ${field.unit}` : '');
}

function fields(elements: readonly LayoutElement[]): FieldElement[] {
  return elements.flatMap((element) =>
    element.type === 'section' ? fields(element.elements) : [element as FieldElement],
  );
}

/** Check your answers: every answer with a change link, the materials, and the 告知承诺 commitment. */
export function renderReview(
  host: Host,
  form: ResolvedForm,
  answers: Record<string, string | string[]>,
  materials: Array<[Material, string]>,
  change: (step: string) => void,
  commitment: { accepted: boolean; toggle(on: boolean): void },
): TemplateResult {
  const definition = host.definition!;
  const row = (label: string, value: string, step: string) =>
    html`<div class="row">
      <dt>${label}</dt>
      <dd>${value}</dd>
      <dd class="change">
        <a
          href="#"
          @click=${(event: Event) => {
            event.preventDefault();
            change(step);
          }}
          >${host.msg('apply.change')}<span class="sr-only"> ${label}</span></a
        >
      </dd>
    </div>`;
  const situations = definition.situations ?? [];
  const error = host.errorAt('#commitment');
  return html`<h2 tabindex="-1" part="title">${host.msg('apply.review')}</h2>
    <p class="hint">${host.msg('apply.review.hint')}</p>
    ${
      situations.length
        ? html`<h3>${host.msg('apply.situation')}</h3>
            <dl class="summary">
              ${situations.map((s) =>
                row(
                  host.t(s.question),
                  [answers[s.id] ?? []]
                    .flat()
                    .map((id) => host.t(s.options.find((o) => o.id === id)?.label ?? id))
                    .join('、') || host.msg('apply.none'),
                  'situation',
                ),
              )}
            </dl>`
        : nothing
    }
    ${form.pages.map(
      (page) =>
        html`<h3>${host.t(page.title)}</h3>
          <dl class="summary">
            ${fields(page.elements).map((field) =>
              row(
                host.t(field.label),
                displayValue(host, field, field.scope, getAt(host.data, field.scope)),
                'page:' + page.id,
              ),
            )}
          </dl>`,
    )}
    ${
      materials.length
        ? html`<h3>${host.msg('apply.materials')}</h3>
            <dl class="summary">
              ${materials.map(([material, text]) => row(host.t(material.name), text, 'materials'))}
            </dl>`
        : nothing
    }
    ${
      definition.commitment
        ? html`<fieldset
            class="field commitment ${error ? 'invalid' : ''}"
            aria-describedby=${error ? 'c-commitment-error' : nothing}
          >
            <legend>${host.msg('apply.commitment')}</legend>
            <p class="statement">${host.t(definition.commitment.text)}</p>
            ${error ? html`<p class="error" id="c-commitment-error">${error}</p>` : nothing}
            <label class="option"
              ><input
                id="c-commitment"
                type="checkbox"
                .checked=${commitment.accepted}
                @change=${(event: Event) => commitment.toggle((event.target as HTMLInputElement).checked)}
              />
              <span
                >${host.msg('apply.commitment.accept')}${definition.commitment.required ? nothing : host.msg('apply.optional')}</span
              ></label
            >
          </fieldset>`
        : nothing
    }`;
}
