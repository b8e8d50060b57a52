/**
 * `@banshi/sdk/regions`: the GB/T 2260 administrative divisions (every province, city and county of
 * China), from the maintained `@vant/area-data` package, as a tree a form can walk (省 → 市 → 区县) and as
 * the set of known codes that `cn-region-code` is checked against. The list is large (about 29 KB
 * gzip): the server imports it at start; browsers get it a province at a time, from the files the
 * elements' build writes from this module.
 */
import { areaList } from '@vant/area-data';

/** One division: its six-digit code, its name, and its level. */
export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
}

const levels = [
  ['province', areaList.province_list],
  ['city', areaList.city_list],
  ['county', areaList.county_list],
] as const;

const byCode = new Map<string, Region>();
for (const [level, list] of levels) {
  for (const [code, name] of Object.entries(list)) byCode.set(code, { code, name, level });
}

/** Every known region code (provinces, cities and counties). */
export const REGION_CODES: ReadonlySet<string> = new Set(byCode.keys());

/** The region of a code, or `undefined` when the list does not know it. */
export const regionByCode = (code: string): Region | undefined => byCode.get(code);

/** The code of the region directly above, or `null` for a province. */
export function parentRegionCode(code: string): string | null {
  const region = byCode.get(code);
  if (!region || region.level === 'province') return null;
  const city = code.slice(0, 4) + '00';
  if (region.level === 'county' && byCode.has(city)) return city;
  return code.slice(0, 2) + '0000';
}

const children = new Map<string | null, Region[]>();
for (const region of byCode.values()) {
  const parent = parentRegionCode(region.code);
  const list = children.get(parent) ?? [];
  list.push(region);
  children.set(parent, list);
}

/** The regions directly below `parent` (the provinces when `parent` is omitted or `null`), by code. */
export const childRegions = (parent: string | null = null): readonly Region[] => children.get(parent) ?? [];

/** The chain from the province down to `code` (one to three regions), or `[]` when the code is unknown. */
export function regionPath(code: string): Region[] {
  const path: Region[] = [];
  for (let at: string | null = code; at; at = parentRegionCode(at)) {
    const region = byCode.get(at);
    if (!region) return [];
    path.unshift(region);
  }
  return path;
}
