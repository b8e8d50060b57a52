/**
 * The regions whose items serve a site of GB/T 2260 region `code`, most local first: the region itself,
 * its city and its province (`150302` → `150302`, `150300`, `150000`). The `site` filter of
 * `GET /items` lists these regions' items and national ones; a widget offers their departments.
 */
export function siteRegions(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}
