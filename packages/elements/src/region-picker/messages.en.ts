import type { RegionPickerMessageKey } from './messages.js';

/** The English strings of `<banshi-region-picker>`, fetched the first time a widget shows English. */
export const en: Record<RegionPickerMessageKey, string> = {
  'region.legend': 'Region',
  'region.province': 'Province',
  'region.city': 'City or prefecture',
  'region.county': 'County or district',
  'region.choose': 'Choose',
  'region.loading': 'Loading the list of regions…',
  'region.failed': 'The list of regions could not be loaded. Reload the page to try again.',
  'region.unknown': '“{code}” is not a region code: choose the region again.',
};
