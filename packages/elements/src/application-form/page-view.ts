import { html, nothing, type TemplateResult } from 'lit';
import type { FieldElement, ResolvedForm } from '@banshi/sdk/forms';
import { renderField, type ControlHost } from './controls.js';

type Page = ResolvedForm['pages'][number];

/** A page of questions, sections as sub-headings; a disabled section disables its fields. */
export function renderPage(host: ControlHost, page: Page): TemplateResult {
  const renderElements = (elements: Page['elements'], enabled: boolean): TemplateResult[] =>
    elements.map((element) =>
      element.type === 'section'
        ? html`<section class="section">
            <h3>${host.t(element.title)}</h3>
            ${renderElements(element.elements, element.enabled && enabled)}
          </section>`
        : renderField(
            host,
            element as FieldElement,
            (element as FieldElement).scope,
            enabled && element.enabled,
          ),
    );
  return html`<h2 tabindex="-1" part="title">${host.t(page.title)}</h2>
    ${page.description ? html`<p class="hint">${host.t(page.description)}</p>` : nothing}
    ${renderElements(page.elements, page.enabled)}`;
}
