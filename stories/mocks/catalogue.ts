/**
 * Service items and their form definitions, taken from the reference server's seed catalogue
 * (packages/server/demo-catalogue), so stories show the same names, codes, departments, windows and forms. The files
 * are imported as they are: when the seed changes, the stories follow.
 */
import publicRentalHousing from '../../packages/server/demo-catalogue/items/150302-public-rental-housing.json';
import foodBusinessLicence from '../../packages/server/demo-catalogue/items/150302-food-business-licence.json';
import residentIdCard from '../../packages/server/demo-catalogue/items/150202-resident-id-card-first.json';
import housingFundWithdrawal from '../../packages/server/demo-catalogue/items/150200-housing-fund-withdrawal.json';
import medicalExpenseReimbursement from '../../packages/server/demo-catalogue/items/150200-medical-expense-reimbursement.json';
import roadFreightLicenceRenewal from '../../packages/server/demo-catalogue/items/150200-road-freight-licence-renewal.json';
import businessLicenceChange from '../../packages/server/demo-catalogue/items/150302-business-licence-change.json';
import companyOpening from '../../packages/server/demo-catalogue/items/150302-company-opening.json';
import newborn from '../../packages/server/demo-catalogue/items/150302-newborn.json';
import seniorAllowanceCertification from '../../packages/server/demo-catalogue/items/150302-senior-allowance-certification.json';
import constructionPermit from '../../packages/server/demo-catalogue/items/150200-construction-permit.json';
import birthRegistration from '../../packages/server/demo-catalogue/items/150302-birth-registration.json';
import marriageRegistration from '../../packages/server/demo-catalogue/items/150203-marriage-registration.json';
import soleProprietorshipRegistration from '../../packages/server/demo-catalogue/items/620300-sole-proprietorship-registration.json';
import publicRentalHousingForm from '../../packages/server/demo-catalogue/forms/150302-public-rental-housing.json';
import foodBusinessLicenceForm from '../../packages/server/demo-catalogue/forms/150302-food-business-licence.json';
import residentIdCardForm from '../../packages/server/demo-catalogue/forms/150202-resident-id-card-first.json';
import housingFundWithdrawalForm from '../../packages/server/demo-catalogue/forms/150200-housing-fund-withdrawal.json';
import medicalExpenseReimbursementForm from '../../packages/server/demo-catalogue/forms/150200-medical-expense-reimbursement.json';
import roadFreightLicenceRenewalForm from '../../packages/server/demo-catalogue/forms/150200-road-freight-licence-renewal.json';
import businessLicenceChangeForm from '../../packages/server/demo-catalogue/forms/150302-business-licence-change.json';
import companyOpeningForm from '../../packages/server/demo-catalogue/forms/150302-company-opening.json';
import newbornForm from '../../packages/server/demo-catalogue/forms/150302-newborn.json';
import seniorAllowanceCertificationForm from '../../packages/server/demo-catalogue/forms/150302-senior-allowance-certification.json';

/** A seed item as the mocks use it; the files hold the whole `Item` of the OpenAPI document. */
export interface SeedItem {
  code: string;
  name: string;
  department: { id: string; name: string; creditCode?: string };
  regionCode: string;
  formVersion: string | null;
  windows: { id: string; name: string; hallName: string }[];
}

/** Four seed items, by a short name stories can use (the rating stories and others rely on exactly these). */
export const seedItems = {
  /** 公共租赁住房申请 — 海勃湾区住房和城乡建设局 (Haibowan), online form. */
  publicRentalHousing,
  /** 食品经营许可 — 海勃湾区市场监督管理局 (Haibowan), online form. */
  foodBusinessLicence,
  /** 居民身份证申领 — 包头市公安局东河区分局 (Baotou), online form. */
  residentIdCard,
  /** 住房公积金提取 — 包头市住房公积金管理中心 (Baotou), online form. */
  housingFundWithdrawal,
} satisfies Record<string, SeedItem>;

/** Every seed item the item mocks serve: {@link seedItems} and ten more, with and without online forms. */
export const catalogueItems = {
  ...seedItems,
  /** 医疗费用手工（零星）报销 — 包头市医疗保障局 (Baotou), online form. */
  medicalExpenseReimbursement,
  /** 道路货物运输经营许可证换证 — 包头市交通运输局 (Baotou), online form. */
  roadFreightLicenceRenewal,
  /** 营业执照变更登记 — 海勃湾区市场监督管理局 (Haibowan), online form, 跨省通办. */
  businessLicenceChange,
  /** 企业开办“一件事” — 海勃湾区市场监督管理局 (Haibowan), a bundle with conditional pages. */
  companyOpening,
  /** 新生儿出生“一件事” — 海勃湾区卫生健康委员会 (Haibowan), a bundle. */
  newborn,
  /** 高龄津贴领取资格认证 — 海勃湾区民政局 (Haibowan), online form. */
  seniorAllowanceCertification,
  /** 建筑工程施工许可证核发 — 包头市住房和城乡建设局 (Baotou), no online form. */
  constructionPermit,
  /** 出生登记 — 乌海市公安局海勃湾区分局 (Haibowan), no online form. */
  birthRegistration,
  /** 内地居民结婚登记 — 包头市昆都仑区民政局 (Baotou), no online form. */
  marriageRegistration,
  /** 个人独资企业设立登记 — 金昌市市场监督管理局 (Jinchang), no online form. */
  soleProprietorshipRegistration,
} satisfies Record<string, SeedItem>;

/** Form definitions (`GET /items/{code}/form`) by item code. */
export const seedForms: Record<string, object> = {
  [publicRentalHousing.code]: publicRentalHousingForm,
  [foodBusinessLicence.code]: foodBusinessLicenceForm,
  [residentIdCard.code]: residentIdCardForm,
  [housingFundWithdrawal.code]: housingFundWithdrawalForm,
  [medicalExpenseReimbursement.code]: medicalExpenseReimbursementForm,
  [roadFreightLicenceRenewal.code]: roadFreightLicenceRenewalForm,
  [businessLicenceChange.code]: businessLicenceChangeForm,
  [companyOpening.code]: companyOpeningForm,
  [newborn.code]: newbornForm,
  [seniorAllowanceCertification.code]: seniorAllowanceCertificationForm,
};

/** English item names, as the server's catalogue translations give them. */
export const englishItemNames: Record<string, string> = {
  [publicRentalHousing.code]: 'Application for public rental housing',
  [foodBusinessLicence.code]: 'Food business licence',
  [residentIdCard.code]: 'Application for a resident identity card',
  [housingFundWithdrawal.code]: 'Housing provident fund withdrawal',
};

/** The seed item with this code, if the mocks know it. */
export function findItem(code: string): SeedItem | undefined {
  return Object.values(catalogueItems).find((item) => item.code === code);
}
