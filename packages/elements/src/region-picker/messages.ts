/** Shipped strings of `<banshi-region-picker>`. Keys are `region.*`. */
const zhCN = {
  'region.legend': '所在地区',
  'region.province': '省（自治区、直辖市）',
  'region.city': '市（地区、州、盟）',
  'region.county': '县（市、区、旗）',
  'region.choose': '请选择',
  'region.loading': '正在载入地区列表…',
  'region.failed': '地区列表载入失败，请刷新页面重试。',
  'region.unknown': '“{code}”不是有效的行政区划代码，请重新选择。',
};

export const regionPickerMessages = {
  'zh-CN': zhCN,
  en: () => import('./messages.en.js').then((module) => module.en),
};
export type RegionPickerMessageKey = keyof typeof zhCN;
