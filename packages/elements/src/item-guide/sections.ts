import { html, type TemplateResult } from 'lit';
import { safeHref } from '../item-common/situation-query.js';
import type { Translate } from '../base/translate.js';

/** The sections of a guide, in reading order; `#guide-<id>` links to one. */
export const GUIDE_SECTIONS = [
  'glance',
  'situations',
  'materials',
  'steps',
  'fees',
  'windows',
  'contact',
  'basis',
  'faq',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

/** One section of the guide, with the heading that `#guide-<id>` links to. */
export function renderSection(msg: Translate, id: GuideSection, body: unknown): TemplateResult {
  return html`<section class="section s-${id}" part="section" aria-labelledby="guide-${id}">
    <h3 id="guide-${id}" tabindex="-1">${msg(`guide.section.${id}`)}</h3>
    ${body}
  </section>`;
}

/** A link to a server-given address, or nothing when the address is missing or unsafe. */
export function renderLink(url: string | undefined, text: string, className = ''): TemplateResult | '' {
  const href = safeHref(url);
  return href ? html`<a class=${className} href=${href}>${text}</a>` : '';
}
