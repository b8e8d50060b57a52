import { html, type TemplateResult } from 'lit';
import type { ItemQuery } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';

/** The filters offered as lists. */
export type Filter = 'department' | 'theme' | 'audience' | 'onlineDepth';
/** Every filter the search can set. */
export type FilterName = Filter | 'crossRegionScope' | 'kind';

const AUDIENCES = ['naturalPerson', 'enterprise', 'publicInstitution', 'socialOrganisation', 'other'];
const DEPTHS = ['I', 'II', 'III', 'IV'];

/** What the filters show and what they do. */
export interface FiltersView {
  msg: Translate;
  filters: ItemQuery;
  departments: Array<{ id: string; name: string }>;
  themes: Array<{ id: string; name: string }>;
  setFilter(name: FilterName, value: string): void;
}

/** The fieldset of filters: department, theme, audience, online depth, and two checkboxes. */
export function renderFilters(view: FiltersView): TemplateResult {
  const { msg } = view;
  const filters = view.filters as Record<string, string | undefined>;
  const select = (name: Filter, choices: Array<{ id: string; name: string }>) =>
    html`<label class="field"
      >${msg(`search.filter.${name === 'onlineDepth' ? 'depth' : name}`)}
      <select @change=${(event: Event) => view.setFilter(name, (event.target as HTMLSelectElement).value)}>
        <option value="">${msg('search.filter.any')}</option>
        ${choices.map(
          (choice) =>
            html`<option value=${choice.id} ?selected=${filters[name] === choice.id}>${choice.name}</option>`,
        )}
      </select></label
    >`;
  const check = (name: 'crossRegionScope' | 'kind', value: string, key: string) =>
    html`<label class="check"
      ><input
        type="checkbox"
        .checked=${filters[name] === value}
        @change=${(event: Event) => view.setFilter(name, (event.target as HTMLInputElement).checked ? value : '')}
      />${msg(key)}</label
    >`;
  return html`<fieldset class="filters" part="filters">
    <legend>${msg('search.filters')}</legend>
    ${select('department', view.departments)} ${select('theme', view.themes)}
    ${select(
      'audience',
      AUDIENCES.map((id) => ({ id, name: msg(`item.audience.${id}`) })),
    )}
    ${select(
      'onlineDepth',
      DEPTHS.map((id) => ({ id, name: msg(`item.depth.${id}`) })),
    )}
    ${check('crossRegionScope', 'interProvincial', 'search.filter.interProvincial')}
    ${check('kind', 'bundle', 'search.filter.bundle')}
  </fieldset>`;
}
