import { html, type TemplateResult } from 'lit';
import type { Translate } from '../base/translate.js';
import type { ItemSummary } from '../item-common/types.js';

/** The two catalogues a portal offers: 个人办事 and 法人办事. */
export type BrowseAudience = 'naturalPerson' | 'enterprise';

/** What the browse mode shows and what it does. */
export interface BrowseView {
  msg: Translate;
  audience: BrowseAudience;
  themes: Array<{ id: string; name: string }>;
  /** The theme whose items are listed, if any. */
  theme: string;
  popular: ItemSummary[];
  chooseAudience(audience: BrowseAudience): void;
  chooseTheme(id: string): void;
  urlOf(item: ItemSummary): string;
  choose(item: ItemSummary, event?: Event): void;
}

/**
 * Browsing without typing (`mode="browse"`): 个人办事 / 法人办事, that audience's themes, and 热门事项;
 * a theme lists its items in the results below. Loaded with the mode, on first use.
 */
export function renderBrowse(view: BrowseView): TemplateResult {
  const { msg } = view;
  const audiences: BrowseAudience[] = ['naturalPerson', 'enterprise'];
  return html`<section class="browse" part="browse" aria-labelledby="browse-title">
    <h2 id="browse-title" class="label">${msg('search.browse')}</h2>
    <div class="audiences" role="group" aria-label=${msg('search.filter.audience')}>
      ${audiences.map(
        (audience) =>
          html`<button
            type="button"
            aria-pressed=${audience === view.audience ? 'true' : 'false'}
            @click=${() => view.chooseAudience(audience)}
          >
            ${msg(`search.browse.${audience}`)}
          </button>`,
      )}
    </div>
    <h3 class="label">${msg('search.filter.theme')}</h3>
    <ul class="themes">
      ${view.themes.map(
        (theme) =>
          html`<li>
            <button
              type="button"
              aria-pressed=${theme.id === view.theme ? 'true' : 'false'}
              @click=${() => view.chooseTheme(theme.id)}
            >
              ${theme.name}
            </button>
          </li>`,
      )}
    </ul>
    <h3 class="label">${msg('search.browse.popular')}</h3>
    <ol class="popular">
      ${view.popular.map(
        (item) =>
          html`<li>
            <a href=${view.urlOf(item) || '#'} @click=${(event: Event) => view.choose(item, event)}
              >${item.name}</a
            >
          </li>`,
      )}
    </ol>
  </section>`;
}
