import type { ReactiveControllerHost } from 'lit';
import type { BanshiApi } from '../base/api.js';
import type { Region } from './types.js';

/** The regions under each parent, fetched once each on first use, for the address controls. */
export class RegionLists {
  private readonly lists: Record<string, Region[]> = {};
  private readonly requested = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: () => BanshiApi,
  ) {}

  /** The regions under `parent` ('' for the top level); undefined while they load. */
  get(parent: string): Region[] | undefined {
    const list = this.lists[parent];
    if (!list && !this.requested.has(parent)) {
      this.requested.add(parent);
      void (async () => {
        const found: Region[] = [];
        try {
          for await (const region of this.api().reference.listRegions(parent ? { parent } : {}))
            found.push(region);
        } finally {
          this.lists[parent] = found;
          this.host.requestUpdate();
        }
      })();
    }
    return list;
  }
}
