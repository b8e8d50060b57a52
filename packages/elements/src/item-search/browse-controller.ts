import type { ReactiveControllerHost } from 'lit';
import type { BanshiApi } from '../base/api.js';
import type { ItemSummary } from '../item-common/types.js';
import type { BrowseAudience } from './browse-view.js';

/** What the browse mode reads from its search widget. */
export interface BrowseSource {
  api(): BanshiApi;
  /** The site's region (150302), whose items and whose parents' come first; empty for every region. */
  siteRegion(): string;
}

/**
 * Browsing without typing (`mode="browse"`): the chosen audience's themes and 热门事项, and the browse
 * view's code, which loads on first use.
 */
export class BrowseController {
  view?: typeof import('./browse-view.js');
  audience: BrowseAudience = 'naturalPerson';
  themes: Array<{ id: string; name: string }> = [];
  popular: ItemSummary[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: BrowseSource,
  ) {}

  /** Loads the browse mode's code, then the chosen audience's themes and 热门事项. */
  async start(): Promise<void> {
    const [view] = await Promise.all([import('./browse-view.js'), this.load()]);
    this.view = view;
    this.host.requestUpdate();
  }

  /** Shows another audience's themes and 热门事项. */
  choose(audience: BrowseAudience): void {
    this.audience = audience;
    this.host.requestUpdate();
    void this.load();
  }

  private async load(): Promise<void> {
    const { audience } = this;
    const site = this.source.siteRegion();
    try {
      const [themes, popular] = await Promise.all([
        this.source.api().reference.listThemes({ audience, limit: 100 }),
        this.source.api().items.list({ audience, sort: 'popular', limit: 8, ...(site && { site }) }),
      ]);
      this.themes = themes.items;
      this.popular = popular.items;
      this.host.requestUpdate();
    } catch {
      // Browsing is a shortcut: the search box still works.
    }
  }
}
