import { html, nothing, type TemplateResult } from 'lit';
import { renderBadges } from '../item-common/badges.js';
import type { ItemSummary } from '../item-common/types.js';
import type { Translate } from '../base/translate.js';

/** One page of results, as the SDK's paginator gives it. */
export interface Page {
  items: ItemSummary[];
  hasNextPage(): boolean;
  getNextPage(): Promise<Page>;
}

export type SearchPhase = 'idle' | 'loading' | 'done' | 'failed' | 'offline';

/** What the results show and what they do. */
export interface ResultsView {
  msg: Translate;
  phase: SearchPhase;
  /** Set when the API refused this page's origin (CORS): what to say instead of the failure. */
  refusal?: string | undefined;
  pages: Page[];
  pageIndex: number;
  /** The text the shown results are for. */
  searched: string;
  urlOf(item: ItemSummary): string;
  choose(item: ItemSummary, event?: Event): void;
  retry(): void;
  turnPage(step: 1 | -1): void;
}

/** The results section: status, the list (or why it is empty, or the failure) and the pager. */
export function renderResults(view: ResultsView): TemplateResult | typeof nothing {
  const { msg, phase, pages, pageIndex } = view;
  if (phase === 'idle') return nothing;
  if (phase === 'failed' || phase === 'offline') {
    return html`<div class="notice error-box" role="alert" part="notice">
      <p>${view.refusal ?? msg(`search.${phase}`)}</p>
      <button type="button" @click=${() => view.retry()}>${msg('search.retry')}</button>
    </div>`;
  }
  const page = pages[pageIndex];
  const items = page?.items ?? [];
  return html`<section class="results" aria-labelledby="results-title" aria-busy=${phase === 'loading'}>
    <h2 id="results-title" tabindex="-1">${msg('search.results')}</h2>
    ${phase === 'done' && items.length ? html`<p class="count" part="count">${resultCount(msg, pages)}</p>` : nothing}
    <p role="status">
      ${
        phase === 'loading'
          ? msg('search.loading')
          : items.length
            ? msg('search.page', { page: pageIndex + 1, count: items.length })
            : ''
      }
    </p>
    ${
      phase === 'done' && !items.length
        ? html`<div class="notice" part="notice">
            <p>${view.searched ? msg('search.empty', { q: view.searched }) : msg('search.emptyFiltered')}</p>
            <p class="hint">${msg('search.empty.hint')}</p>
          </div>`
        : html`<ol class="plain list" part="results">
            ${items.map((item) => renderResult(view, item))}
          </ol>`
    }
    ${
      pages.length && (pageIndex > 0 || page?.hasNextPage())
        ? html`<nav class="pager" aria-label=${msg('search.results')}>
            <button type="button" ?disabled=${pageIndex === 0} @click=${() => view.turnPage(-1)}>
              ${msg('search.previous')}
            </button>
            <button type="button" ?disabled=${!page?.hasNextPage()} @click=${() => view.turnPage(1)}>
              ${msg('search.next')}
            </button>
          </nav>`
        : nothing
    }
  </section>`;
}

/**
 * How many items were found: exact once the last page is loaded (共 12 项), otherwise those loaded so far
 * with "or more", since the API pages by cursor without counting.
 */
export function resultCount(msg: Translate, pages: readonly Page[]): string {
  const count = pages.reduce((sum, page) => sum + page.items.length, 0);
  const more = pages[pages.length - 1]?.hasNextPage() ?? false;
  return msg(more ? 'search.countMore' : 'search.count', { count });
}

function renderResult(view: ResultsView, item: ItemSummary): TemplateResult {
  const url = view.urlOf(item);
  return html`<li part="result" class="result">
    ${
      url
        ? html`<a class="name" href=${url} @click=${(event: Event) => view.choose(item, event)}
            >${item.name}</a
          >`
        : html`<button type="button" class="name link" @click=${() => view.choose(item)}>
            ${item.name}
          </button>`
    }
    <p class="hint">${item.department.name}</p>
    ${renderBadges(item, view.msg)}
  </li>`;
}
