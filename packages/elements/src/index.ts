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
