import type { components } from '../../generated/schema.js';
import type { CallOptions } from '../../core/transport.js';
import { APIResource } from '../api-resource.js';

/** The working-day calendar (public holidays and adjusted working weekends, 调休) deadlines count on. Staff only. */
export class CalendarResource extends APIResource {
  /** The year's exceptions; an unconfigured year has no days and `updatedAt` null. */
  get(year: number, options: CallOptions = {}): Promise<components['schemas']['Calendar']> {
    return this.call('get', '/calendar/{year}', { ...options, params: { year } });
  }

  /** Replaces the year's exceptions; deadlines of running cases are recomputed. */
  replace(
    year: number,
    body: components['schemas']['CalendarUpdate'],
    options: CallOptions = {},
  ): Promise<components['schemas']['Calendar']> {
    return this.call('put', '/calendar/{year}', { ...options, params: { year }, body });
  }
}
