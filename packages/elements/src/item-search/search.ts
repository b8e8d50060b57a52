import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { siteRegions } from '@banshi/sdk';
import { isAborted, isServerAnswer } from '../base/api.js';
import { ItemSearchState } from './search-state.js';
import { resolveSetting } from '../base/config.js';
import { baseStyles } from '../base/base.styles.js';
import { itemStyles } from '../item-common/item.styles.js';
import { fillTemplate } from '../item-common/situation-query.js';
import type { ItemQuery, ItemSummary } from '../item-common/types.js';
import './events.js';
import { renderFilters, type FilterName } from './filters-view.js';
import { searchMessages } from './messages.js';
import { renderResults } from './results-view.js';
import { readSearchState, writeSearchState } from './url-state.js';
import { BrowseController } from './browse-controller.js';
import { searchStyles } from './search.styles.js';

/**
 * 我要看: search the service items by Chinese, full pinyin or pinyin initials (`sfz`), with suggestions
 * as you type (the ARIA 1.2 combobox pattern), filters, badges and paging.
 *
 * Typing asks for suggestions after `debounce` ms (a newer keystroke cancels the request in flight);
 * Enter or the search button lists the results page by page. Choosing a suggestion or a result emits
 * `banshi-item-select` and, when `item-url` is set, goes there.
 *
 * @tagname banshi-item-search
 * @summary 事项搜索: find a service by Chinese, pinyin or initials, with filters and badges.
 * @event {CustomEvent<ItemSummary>} banshi-item-select - A suggestion or result was chosen; `detail` is the item. Cancelable: cancel it to stop the widget following `item-url`.
 * @csspart base - The outer box.
 * @csspart input - The search box.
 * @csspart listbox - The list of suggestions.
 * @csspart filters - The filters.
 * @csspart results - The list of results.
 * @csspart result - Each result.
 * @csspart badges - The badges of a result.
 * @csspart notice - Empty, error and offline messages.
 * @cssprop --banshi-item-accent - Border colour of badges (shared with the guide).
 * @cssprop --banshi-item-tag-background - Background of badges (shared with the guide).
 * @cssprop --banshi-search-padding - Inner spacing of the widget.
 */
export class BanshiItemSearch extends ItemSearchState {
  static override styles = [baseStyles, itemStyles, searchStyles];
  static override messages = searchMessages;

  private readonly browsing = new BrowseController(this, {
    api: () => this.api,
    siteRegion: () => this.siteRegion(),
  });

  private timer?: ReturnType<typeof setTimeout>;
  private suggestRequest?: AbortController;
  private searchRequest?: AbortController;
  private composing = false;
  private shownLocale = '';
  private readonly onOnline = (): void => {
    if (this.phase === 'offline') void this.search();
  };
  private readonly onPopState = (): void => {
    if (this.urlState) void this.restore();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.shownLocale = this.locale;
    addEventListener('online', this.onOnline);
    addEventListener('popstate', this.onPopState);
    void this.loadReference();
    if (this.urlState) void this.restore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('popstate', this.onPopState);
    clearTimeout(this.timer);
    this.suggestRequest?.abort();
    this.searchRequest?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The first update's empty `q` must not wipe a search read from the page address.
    if (changed.has('q') && (this.q || changed.get('q') !== undefined)) {
      this.text = this.q;
      if (this.q) void this.search();
    }
    if (changed.has('region') && changed.get('region') !== undefined) void this.loadReference();
    if (changed.has('mode') && this.mode === 'browse' && !this.browsing.view) void this.browsing.start();
  }

  protected override contextChanged(): void {
    // Names of departments, themes and items come in the request's language.
    if (this.locale === this.shownLocale) return;
    this.shownLocale = this.locale;
    void this.loadReference();
    if (this.phase !== 'idle') void this.search();
  }

  /** Lists the first page of results for the text in the box and the filters. */
  async search(): Promise<void> {
    await this.list(1);
    this.remember('push');
  }

  /** Lists what the page address says (on start, and when the back button brings an earlier search). */
  private async restore(): Promise<void> {
    const state = readSearchState(location.search);
    if (!state.q && !Object.keys(state.filters).length && state.page === 1) {
      if (this.phase !== 'idle') [this.text, this.phase, this.pages] = ['', 'idle', []];
      return;
    }
    this.text = state.q;
    this.filters = state.filters;
    await this.list(state.page);
  }

  /** Writes the search shown into the page address, as a new history entry or in place of the current. */
  private remember(how: 'push' | 'replace'): void {
    if (!this.urlState || this.phase !== 'done') return;
    const href = writeSearchState(location.href, {
      q: this.searched,
      filters: this.filters,
      page: this.pageIndex + 1,
    });
    if (href === location.href) return;
    if (how === 'push') history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
  }

  /** Lists the results from the first page up to `page`. */
  private async list(page: number): Promise<void> {
    this.closeList();
    this.suggestRequest?.abort();
    this.searchRequest?.abort();
    const request = (this.searchRequest = new AbortController());
    this.phase = 'loading';
    this.searched = this.text.trim();
    try {
      const pages = [await this.api.items.list(this.query(this.pageSize), { signal: request.signal })];
      while (pages.length < page && pages[pages.length - 1]!.hasNextPage()) {
        const next = await pages[pages.length - 1]!.getNextPage();
        if (request.signal.aborted) return;
        pages.push(next);
      }
      if (request.signal.aborted) return;
      this.pages = pages;
      this.pageIndex = pages.length - 1;
      this.phase = 'done';
    } catch (error) {
      this.failed(error, request);
    }
  }

  private failed(error: unknown, request: AbortController): void {
    if (request.signal.aborted || isAborted(error)) return;
    this.refusal = this.corsRefusal(error);
    this.phase = isServerAnswer(error) && navigator.onLine ? 'failed' : 'offline';
  }

  private query(limit: number): ItemQuery {
    const query: ItemQuery = { ...this.filters, limit };
    const q = this.text.trim().slice(0, 50);
    if (q) query.q = q;
    const site = this.siteRegion();
    if (site) query.site = site;
    return query;
  }

  private async turnPage(step: 1 | -1): Promise<void> {
    const target = this.pageIndex + step;
    if (target >= this.pages.length) {
      const request = (this.searchRequest = new AbortController());
      this.phase = 'loading';
      try {
        const next = await this.pages[this.pageIndex]!.getNextPage();
        if (request.signal.aborted) return;
        this.pages = [...this.pages, next];
        this.phase = 'done';
      } catch (error) {
        return this.failed(error, request);
      }
    }
    this.pageIndex = target;
    this.remember('push');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus();
  }

  private siteRegion(): string {
    return this.region || resolveSetting(this, 'region') || '';
  }

  private async loadReference(): Promise<void> {
    const site = this.siteRegion();
    const regions = site ? siteRegions(site) : [undefined];
    try {
      const [themes, ...departments] = await Promise.all([
        this.api.reference.listThemes({ limit: 100 }),
        ...regions.map((region) =>
          this.api.reference.listDepartments({ ...(region && { region }), limit: 100 }),
        ),
      ]);
      this.departments = departments.flatMap((page) => page.items);
      this.themes = themes.items;
    } catch {
      // The filters fall back to "any"; searching still works.
    }
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    if (this.composing || event.isComposing) return;
    this.scheduleSuggestions();
  }

  private scheduleSuggestions(): void {
    clearTimeout(this.timer);
    this.suggestRequest?.abort();
    const text = this.text.trim();
    // One Latin letter is the initial of thousands of items: wait for a second one (汉字 go at once).
    if (!text || /^[\x20-\x7e]$/.test(text) || this.suggestions <= 0) return this.closeList();
    this.timer = setTimeout(() => void this.suggest(), this.debounce);
  }

  private async suggest(): Promise<void> {
    const request = (this.suggestRequest = new AbortController());
    try {
      const page = await this.api.items.list(this.query(this.suggestions), { signal: request.signal });
      if (request.signal.aborted) return;
      this.options = page.items;
      this.active = -1;
      this.open = true;
    } catch {
      // A failed suggestion is not worth an error: the search button still reports problems.
      if (!request.signal.aborted) this.closeList();
    }
  }

  private closeList(): void {
    this.open = false;
    this.active = -1;
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.open ? this.options.length : 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open && this.options.length) {
          this.open = true;
          this.active = event.key === 'ArrowDown' ? 0 : this.options.length - 1;
        } else if (count) {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          this.active = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
        }
        break;
      case 'Escape':
        if (this.open) this.closeList();
        else this.text = '';
        event.preventDefault();
        break;
      case 'Enter':
        event.preventDefault();
        if (this.open && this.active >= 0) this.choose(this.options[this.active]!);
        else void this.search();
        break;
      case 'Tab':
        this.closeList();
    }
  }

  /** Emits `banshi-item-select` and, unless cancelled, follows `item-url`. Returns whether to navigate. */
  private choose(item: ItemSummary, event?: Event): void {
    this.closeList();
    const go = this.emit('banshi-item-select', item, true);
    const url = this.urlOf(item);
    if (!go || !url) event?.preventDefault();
    else if (!event) location.assign(url);
  }

  private urlOf(item: ItemSummary): string {
    return this.itemUrl ? fillTemplate(this.itemUrl, { code: item.code }) : '';
  }

  private setFilter(name: FilterName, value: string): void {
    const filters: Record<string, unknown> = { ...this.filters };
    if (value) filters[name] = value;
    else delete filters[name];
    this.filters = filters as ItemQuery;
    void this.search();
  }

  protected override renderContent(): TemplateResult {
    const msg = this.msg.bind(this);
    const expanded = this.open && this.options.length > 0;
    return html`
      <form role="search" @submit=${(event: Event) => (event.preventDefault(), void this.search())}>
        <label for="q" class="label">${msg('search.label')}</label>
        <p id="q-hint" class="hint">${msg('search.hint')}</p>
        <div class="box">
          <div class="combo">
            <input
              id="q"
              part="input"
              type="search"
              role="combobox"
              autocomplete="off"
              enterkeyhint="search"
              maxlength="50"
              aria-autocomplete="list"
              aria-controls="listbox"
              aria-describedby="q-hint"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-activedescendant=${expanded && this.active >= 0 ? `option-${this.active}` : nothing}
              .value=${this.text}
              @input=${this.onInput}
              @keydown=${this.onKeydown}
              @compositionstart=${() => (this.composing = true)}
              @compositionend=${() => ((this.composing = false), this.scheduleSuggestions())}
              @blur=${() => this.closeList()}
            />
            <ul
              id="listbox"
              role="listbox"
              part="listbox"
              aria-label=${msg('search.suggestions')}
              ?hidden=${!expanded}
            >
              ${
                expanded
                  ? this.options.map(
                      (item, index) =>
                        html`<li
                          id="option-${index}"
                          role="option"
                          aria-selected=${index === this.active ? 'true' : 'false'}
                          @mousedown=${(event: Event) => event.preventDefault()}
                          @click=${() => this.choose(item)}
                        >
                          ${item.name}<span class="hint">· ${item.department.name}</span>
                        </li>`,
                    )
                  : nothing
              }
            </ul>
          </div>
          <button type="submit" class="primary">${msg('search.submit')}</button>
        </div>
        <p class="sr-only" role="status">
          ${expanded ? msg('search.suggestions.count', { count: this.options.length }) : ''}
        </p>
        ${renderFilters({
          msg,
          filters: this.filters,
          departments: this.departments,
          themes: this.themes,
          setFilter: (name, value) => this.setFilter(name, value),
        })}
      </form>
      ${
        this.mode === 'browse' && this.browsing.view
          ? this.browsing.view.renderBrowse({
              msg,
              audience: this.browsing.audience,
              themes: this.browsing.themes,
              theme: this.filters.theme ?? '',
              popular: this.browsing.popular,
              chooseAudience: (audience) => this.browsing.choose(audience),
              chooseTheme: (id) => {
                this.filters = { ...this.filters, audience: this.browsing.audience, theme: id };
                void this.search();
              },
              urlOf: (item) => this.urlOf(item),
              choose: (item, event) => this.choose(item, event),
            })
          : nothing
      }
      ${renderResults({
        msg,
        phase: this.phase,
        refusal: this.refusal,
        pages: this.pages,
        pageIndex: this.pageIndex,
        searched: this.searched,
        urlOf: (item) => this.urlOf(item),
        choose: (item, event) => this.choose(item, event),
        retry: () => void this.search(),
        turnPage: (step) => void this.turnPage(step),
      })}
    `;
  }
}
