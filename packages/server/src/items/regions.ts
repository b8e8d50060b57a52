/** GB/T 2260 divisions of the regions the seed data covers (Inner Mongolia: Baotou, Wuhai; Gansu: Jinchang). */
export const builtInRegions: {
  code: string;
  name: string;
  parent: string | null;
  level: 'province' | 'city' | 'county';
}[] = [
  { code: '150000', name: '内蒙古自治区', parent: null, level: 'province' },
  { code: '150200', name: '包头市', parent: '150000', level: 'city' },
  { code: '150202', name: '东河区', parent: '150200', level: 'county' },
  { code: '150203', name: '昆都仑区', parent: '150200', level: 'county' },
  { code: '150204', name: '青山区', parent: '150200', level: 'county' },
  { code: '150205', name: '石拐区', parent: '150200', level: 'county' },
  { code: '150206', name: '白云鄂博矿区', parent: '150200', level: 'county' },
  { code: '150207', name: '九原区', parent: '150200', level: 'county' },
  { code: '150221', name: '土默特右旗', parent: '150200', level: 'county' },
  { code: '150222', name: '固阳县', parent: '150200', level: 'county' },
  { code: '150223', name: '达尔罕茂明安联合旗', parent: '150200', level: 'county' },
  { code: '150300', name: '乌海市', parent: '150000', level: 'city' },
  { code: '150302', name: '海勃湾区', parent: '150300', level: 'county' },
  { code: '150303', name: '海南区', parent: '150300', level: 'county' },
  { code: '150304', name: '乌达区', parent: '150300', level: 'county' },
  { code: '620000', name: '甘肃省', parent: null, level: 'province' },
  { code: '620300', name: '金昌市', parent: '620000', level: 'city' },
  { code: '620302', name: '金川区', parent: '620300', level: 'county' },
  { code: '620321', name: '永昌县', parent: '620300', level: 'county' },
];

/** The prefix shared by a region and every region below it: `150300` → `1503`, `150000` → `15`. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/**
 * How local an item is to a site: the index of its region in `siteRegions` (0 = the site's own), 3 for
 * a national item, or -1 when it does not serve the site.
 */
export function siteLocality(sites: string[], region: string, level: string): number {
  const at = sites.indexOf(region);
  return at >= 0 ? at : level === 'national' ? 3 : -1;
}
