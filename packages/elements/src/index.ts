/**
 * @banshi/elements: every widget, its types and the shared base. Importing this module defines every
 * tag (guarded: a second copy on the page is a no-op with a warning).
 */
export { BanshiElement } from './base/banshi-element.js';
export { defineElement } from './base/define.js';
export { VERSION } from './base/version.js';
export type { BanshiEventMap, BanshiEventDetail } from './base/events.js';
export { resolveSetting, resolveElder, resolveLang, type SettingName } from './base/config.js';
export {
  registerLocale,
  overrideMessages,
  DEFAULT_LOCALE,
  type Messages,
  type MessageCatalog,
} from './i18n/registry.js';
export { MONGOLIAN_LOCALE, mongolianMessages, registerMongolian } from './locales/mn-mong-cn/index.js';
export { districtThemes, type DistrictTheme } from './theme/districts.js';
export { BanshiProvider } from './provider/provider.js';
import './provider/define.js';
export {
  BanshiRating,
  RATING_REASONS,
  RATING_QUESTIONS,
  COMMENT_MAX,
  type RatingMode,
} from './rating/rating.js';
export type { RatingQueuedDetail } from './rating/events.js';
export { ratingMessages, type RatingMessageKey } from './rating/messages.js';
export type {
  Evaluation,
  EvaluationInput,
  EvaluationLevel,
  EvaluationReason,
  EvaluationSummary,
  ExistingEvaluation,
  FollowUpAnswers,
} from './base/api.js';
import './rating/define.js';
export { BanshiCaseTracker } from './case-tracker/case-tracker.js';
export type { TrackedCase, TimelineEntry, CaseState } from './case-tracker/types.js';
export { trackerMessages, type TrackerMessageKey } from './case-tracker/messages.js';
import './case-tracker/define.js';
export { BanshiItemSearch } from './item-search/search.js';
export { BanshiItemGuide, GUIDE_SECTIONS, materialApplies, type GuideSection } from './item-guide/guide.js';
export type { ItemApplyDetail } from './item-guide/events.js';
export { situationToQuery, situationFromQuery } from './item-common/situation-query.js';
export type { Item, ItemSummary, ItemMaterial, Situation, SituationAnswers } from './item-common/types.js';
import './item-search/define.js';
import './item-guide/define.js';
export { BanshiApplicationForm } from './application-form/application-form.js';
export type { ApplicationStepDetail } from './application-form/events.js';
export { applicationFormMessages, type ApplicationFormMessageKey } from './application-form/messages.js';
import './application-form/define.js';
export { BanshiRegionPicker } from './region-picker/region-picker.js';
export { regionPickerMessages, type RegionPickerMessageKey } from './region-picker/messages.js';
import './region-picker/define.js';
export { BanshiAppointment } from './appointment/appointment.js';
export { appointmentMessages } from './appointment/messages.js';
import './appointment/define.js';
export { BanshiRatingSummary } from './rating-summary/rating-summary.js';
export { ratingSummaryMessages } from './rating-summary/messages.js';
import './rating-summary/define.js';
export { BanshiConsult } from './consult/consult.js';
export { consultMessages } from './consult/messages.js';
import './consult/define.js';
