/**
 * Service items the mocks know, taken from the reference server's seed catalogue
 * (packages/server/seed/items), so stories show the same names, codes, departments and windows.
 */
import foodBusinessLicence from '../../packages/server/seed/items/150302-food-business-licence.json';
import housingFundWithdrawal from '../../packages/server/seed/items/150200-housing-fund-withdrawal.json';
import publicRentalHousing from '../../packages/server/seed/items/150302-public-rental-housing.json';
import residentIdCard from '../../packages/server/seed/items/150202-resident-id-card-first.json';

/** A seed item as the mocks need it. */
export interface SeedItem {
  code: string;
  name: string;
  department: { id: string; name: string; creditCode?: string };
  windows: { id: string; name: string; hallName: string }[];
}

/** The seed files, by a short name stories can use. */
export const seedItems = {
  /** 公共租赁住房申请 — 海勃湾区住房和城乡建设局 (Haibowan). */
  publicRentalHousing,
  /** 食品经营许可 — 海勃湾区市场监督管理局 (Haibowan). */
  foodBusinessLicence,
  /** 居民身份证申领 — 包头市公安局东河区分局 (Baotou). */
  residentIdCard,
  /** 住房公积金提取 — 包头市住房公积金管理中心 (Baotou). */
  housingFundWithdrawal,
} satisfies Record<string, SeedItem>;

/** English item names, as the server's catalogue translations give them. */
export const englishItemNames: Record<string, string> = {
  [publicRentalHousing.code]: 'Application for public rental housing',
  [foodBusinessLicence.code]: 'Food business licence',
  [residentIdCard.code]: 'Application for a resident identity card',
  [housingFundWithdrawal.code]: 'Housing provident fund withdrawal',
};

/** The seed item with this code, if the mocks know it. */
export function findItem(code: string): SeedItem | undefined {
  return Object.values(seedItems).find((item) => item.code === code);
}
