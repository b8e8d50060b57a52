/**
 * `@banshi/sdk/forms`: the form-definition engine shared by the browser widget and the server.
 * It decides which pages, fields and materials apply to given answers, drops hidden values, and
 * validates data with JSON Schema plus the Chinese formats, returning errors as JSON pointers with
 * codes and messages in zh-CN and en. It uses no DOM and no `eval`.
 */
export type * from './definition.js';
export { holds, scopeValue, type Answers } from './conditions.js';
export {
  resolveForm,
  type FormAnswers,
  type ResolvedElement,
  type ResolvedField,
  type ResolvedForm,
  type ResolvedPage,
  type ResolvedSection,
} from './visibility.js';
export { pruneData } from './prune.js';
export { valueAt } from './pointer.js';
export {
  validateForm,
  type FormSubmission,
  type FormValidation,
  type MaterialUploads,
  type ValidateOptions,
} from './validate.js';
export { FORM_ERROR_CODES, type FormError, type FormErrorCode, type FormErrorParams } from './errors.js';
export { ERROR_MESSAGES, formatError, type MessageCatalogs } from './messages.js';
export { translate } from './translate.js';
export { pickLocale } from './locale.js';
export { fieldAt, labelKey } from './labels.js';
export { maskIdNumber } from './mask.js';
export {
  idCardCheckChar,
  idCardProblem,
  isValidIdCardNumber,
  normalizeIdCardNumber,
  parseIdCard,
  type IdCardFacts,
  type IdCardProblem,
} from './formats/cn-id-card.js';
export {
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
  type CreditCodeProblem,
} from './formats/cn-uscc.js';
export { isValidMobile, normalizeMobile } from './formats/cn-mobile.js';
export { isValidPostalCode } from './formats/cn-postal-code.js';
export { isValidRegionCode, PROVINCE_CODES } from './formats/cn-region-code.js';
export {
  CHINESE_FORMATS,
  CHINESE_FORMAT_NAMES,
  chineseFormat,
  type ChineseFormatName,
  type ChineseFormatRule,
} from './formats/table.js';
