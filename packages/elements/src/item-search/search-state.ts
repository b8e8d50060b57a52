import { property, state } from 'lit/decorators.js';
import { BanshiElement } from '../base/banshi-element.js';
import type { ItemQuery, ItemSummary } from '../item-common/types.js';
import type { Page, SearchPhase } from './results-view.js';

/** What the search is set to and what it shows: the state `BanshiItemSearch` renders. */
export abstract class ItemSearchState extends BanshiElement {
  /** Where a chosen item leads, e.g. `/guide.html?code={code}`; without it the widget only emits the event. */
  @property({ attribute: 'item-url' }) itemUrl = '';
  /** The search text; set it to start with a search, e.g. from the page URL. */
  @property() q = '';
  /**
   * The site's GB/T 2260 region (else the nearest `<banshi-provider region>` or `<meta name="banshi:region">`):
   * only the items a resident there can use, the region's own, its city's, its province's and national
   * ones, the most local first; the department filter offers those regions' departments.
   */
  @property() region = '';
  /** Results per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;
  /** Suggestions shown while typing (0 turns them off). */
  @property({ type: Number }) suggestions = 8;
  /** Milliseconds after the last keystroke before suggestions are asked for. */
  @property({ type: Number }) debounce = 50;
  /**
   * Keep the search in the page address (`?q=…&theme=…&page=2`): each search and page turn is a history
   * entry, so the back button returns to it and the address can be shared; the address's search is
   * listed when the widget starts.
   */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;
  /**
   * `browse` adds browsing without typing: 个人办事 / 法人办事, their themes and 热门事项 (the most
   * applied-for items); its code loads the first time it is used.
   */
  @property() mode: '' | 'browse' = '';
  /** Preset filters (department, theme, audience, onlineDepth, crossRegionScope, kind). */
  @property({ attribute: false }) filters: ItemQuery = {};

  @state() protected text = '';
  @state() protected options: ItemSummary[] = [];
  @state() protected open = false;
  @state() protected active = -1;
  @state() protected phase: SearchPhase = 'idle';
  @state() protected refusal?: string;
  @state() protected pages: Page[] = [];
  @state() protected pageIndex = 0;
  @state() protected departments: Array<{ id: string; name: string }> = [];
  @state() protected themes: Array<{ id: string; name: string }> = [];
  /** The text the shown results are for. */
  @state() protected searched = '';
}
