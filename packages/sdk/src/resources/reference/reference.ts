import type { components } from '../../generated/schema.js';
import { paginate, type PagePromise } from '../../core/pagination.js';
import type { CallOptions } from '../../core/transport.js';
import { APIResource, type ListQuery } from '../api-resource.js';

/** Filters of {@link Reference.listDepartments}. */
export type DepartmentListQuery = ListQuery<'listDepartments'>;
/** Filters of {@link Reference.listThemes}. */
export type ThemeListQuery = ListQuery<'listThemes'>;
/** Filters of {@link Reference.listRegions}. */
export type RegionListQuery = ListQuery<'listRegions'>;

/** Reference lists for search filters and forms: departments, themes and GB/T 2260 regions. */
export class Reference extends APIResource {
  /** The departments that implement items, optionally of one region. */
  listDepartments(
    query: DepartmentListQuery = {},
    options: CallOptions = {},
  ): PagePromise<components['schemas']['Department']> {
    return paginate((cursor) =>
      this.call('get', '/departments', { ...options, query: { ...query, cursor } }),
    );
  }

  /** The themes (主题) that group items, for people or for organisations. */
  listThemes(
    query: ThemeListQuery = {},
    options: CallOptions = {},
  ): PagePromise<components['schemas']['Theme']> {
    return paginate((cursor) => this.call('get', '/themes', { ...options, query: { ...query, cursor } }));
  }

  /** Region codes: the top level, or the children of `parent`; `q` matches names and code prefixes. */
  listRegions(
    query: RegionListQuery = {},
    options: CallOptions = {},
  ): PagePromise<components['schemas']['Region']> {
    return paginate((cursor) => this.call('get', '/regions', { ...options, query: { ...query, cursor } }));
  }
}
