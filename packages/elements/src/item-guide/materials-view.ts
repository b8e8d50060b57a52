import { html, nothing, type TemplateResult } from 'lit';
import type { Item, ItemMaterial, SituationAnswers } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';
import { materialApplies, type Conditions } from './conditions.js';
import { renderLink, renderSection } from './sections.js';

/** The materials that apply to the answers so far (those still in doubt marked), with their count. */
export function renderMaterials(
  item: Item,
  situation: SituationAnswers,
  conditions: Conditions | undefined,
  msg: Translate,
): TemplateResult {
  const shown = item.materials
    .map((material) => [material, materialApplies(material, situation, conditions)] as const)
    .filter(([, applies]) => applies !== false);
  const maybe = shown.filter(([, applies]) => applies === undefined).length;
  return renderSection(
    msg,
    'materials',
    html`<p class="count" role="status">
        ${msg(maybe ? 'guide.materials.countMaybe' : 'guide.materials.count', {
          count: shown.length - maybe,
          maybe,
        })}
      </p>
      ${item.commitmentAvailable ? html`<p class="hint">${msg('guide.commitment')}</p>` : nothing}
      <ol class="materials">
        ${shown.map(([material, applies]) => renderMaterial(material, applies, msg))}
      </ol>`,
  );
}

function renderMaterial(
  material: ItemMaterial,
  applies: boolean | undefined,
  msg: Translate,
): TemplateResult {
  const necessity =
    material.necessity === 'deferrable'
      ? material.deferDays
        ? msg('guide.material.deferrable', { days: material.deferDays })
        : msg('guide.material.deferrableAny')
      : msg(`guide.material.${material.necessity}`);
  const facts = [
    msg('guide.material.counts', { originals: material.originals, copies: material.copies }),
    msg(`guide.material.form.${material.form}`),
    material.issuedBy ? msg('guide.material.issuedBy', { by: material.issuedBy }) : '',
  ].filter(Boolean);
  return html`<li class="material" part="material" data-material=${material.id}>
    <strong class="name">${material.name}</strong>
    <ul class="tags">
      <li class="tag ${material.necessity}">${necessity}</li>
      ${material.eLicence ? html`<li class="tag ok">${msg('guide.material.eLicence')}</li>` : nothing}
      ${applies === undefined ? html`<li class="tag">${msg('guide.material.maybe')}</li>` : nothing}
    </ul>
    <p class="hint">${facts.join(' · ')}</p>
    ${material.notes ? html`<p class="text">${material.notes}</p>` : nothing}
    ${renderLink(material.blankFormUrl, msg('guide.material.blank', { name: material.name }), 'no-print')}
    ${renderLink(material.sampleUrl, msg('guide.material.sampleLink', { name: material.name }), 'no-print')}
  </li>`;
}
