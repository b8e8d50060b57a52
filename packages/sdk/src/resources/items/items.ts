import type { components } from '../../generated/schema.js';
import { paginate, type PagePromise } from '../../core/pagination.js';
import type { CallOptions } from '../../core/transport.js';
import { APIResource, type ListQuery } from '../api-resource.js';

/** Filters of {@link Items.list}: search text, department, theme, audience, region, depth, scope, kind, type, status, limit. */
export type ItemListQuery = ListQuery<'listItems'>;

/** Service items (事项) and their guides (办事指南). */
export class Items extends APIResource {
  /**
   * Searches the items (Chinese, full pinyin or pinyin initials) and filters them. Await it for the first
   * page, or iterate it with `for await` for every match across pages.
   */
  list(
    query: ItemListQuery = {},
    options: CallOptions = {},
  ): PagePromise<components['schemas']['ItemSummary']> {
    return paginate((cursor) => this.call('get', '/items', { ...options, query: { ...query, cursor } }));
  }

  /**
   * One item with its whole guide. Repeated reads revalidate with the last ETag, so an unchanged guide
   * costs a 304 and returns the remembered body.
   */
  get(code: string, options: CallOptions = {}): Promise<components['schemas']['Item']> {
    return this.call('get', '/items/{code}', { ...options, params: { code }, reuseEtag: true });
  }

  /** The item's application form definition (404 when it cannot be applied for online). Revalidated by ETag. */
  getForm(code: string, options: CallOptions = {}): Promise<components['schemas']['FormDefinition']> {
    return this.call('get', '/items/{code}/form', { ...options, params: { code }, reuseEtag: true });
  }
}
