import type { Region } from '@banshi/sdk/regions';

/**
 * The GB/T 2260 list as the picker downloads it, a level at a time: `regions/index.json` holds the
 * provinces, `regions/<province code>.json` the cities and counties of one province (a few KB gzip each,
 * against about 29 KB for the whole list). Both are `{ [parent code]: Region[] }`, the provinces under
 * `""`. The build writes them beside the widgets (under the versioned CDN path, cached for a year).
 */
type RegionFile = Record<string, Region[]>;

// Where the build put the files, relative to the module that holds this code: the loader's chunks sit one
// folder below them, the self-contained bundles beside them; from the sources (tests, the npm build's
// dist/) it is the package's cdn/ folder.
declare const BANSHI_REGIONS_PATH: string | undefined;
const defaultBase = (): string =>
  new URL(
    typeof BANSHI_REGIONS_PATH === 'string' ? BANSHI_REGIONS_PATH : '../../cdn/regions/',
    import.meta.url,
  ).href;

const files = new Map<string, Promise<void>>();
const byCode = new Map<string, Region>();
const parents = new Map<string, string>();
const children = new Map<string, readonly Region[]>();
/** Provinces whose file is loaded: below them, a region with no list has no children. */
const loadedProvinces = new Set<string>();

const provinceOf = (code: string): string => code.slice(0, 2) + '0000';

function load(base: string, name: string): Promise<void> {
  const url = new URL(`${name}.json`, base).href;
  let loading = files.get(url);
  if (!loading) {
    loading = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json() as Promise<RegionFile>;
      })
      .then((file) => {
        for (const [parent, list] of Object.entries(file)) {
          children.set(parent, list);
          for (const region of list) {
            byCode.set(region.code, region);
            parents.set(region.code, parent);
          }
        }
        if (name !== 'index') loadedProvinces.add(name);
      });
    // A failed download is tried again next time.
    loading.catch(() => files.delete(url));
    files.set(url, loading);
  }
  return loading;
}

/**
 * Loads the provinces and, when `code` lies in a known province, that province's cities and counties.
 * `base` is the folder of the files (the picker's `regions-url`), the build's own by default.
 */
export async function loadRegionsFor(code: string, base = defaultBase()): Promise<void> {
  await load(base, 'index');
  if (/^\d{6}$/.test(code) && byCode.has(provinceOf(code))) await load(base, provinceOf(code));
}

/** The region of a code, once its province is loaded. */
export const regionByCode = (code: string): Region | undefined => byCode.get(code);

/**
 * The regions directly below `parent` (the provinces for `null`); `undefined` while the file that says
 * is not loaded yet.
 */
export function childRegions(parent: string | null): readonly Region[] | undefined {
  const list = children.get(parent ?? '');
  if (list || parent === null) return list;
  return loadedProvinces.has(provinceOf(parent)) && byCode.has(parent) ? [] : undefined;
}

/** Whether the loaded files can say if `code` exists: its province is unknown or its file is here. */
export const isSettled = (code: string): boolean =>
  !byCode.has(provinceOf(code)) || loadedProvinces.has(provinceOf(code));

/** The chain from the province down to `code`, or `[]` when the loaded files do not know the code. */
export function regionPath(code: string): Region[] {
  const path: Region[] = [];
  for (let at: string | undefined = code; at; at = parents.get(at)) {
    const region = byCode.get(at);
    if (!region) return [];
    path.unshift(region);
  }
  return path;
}
