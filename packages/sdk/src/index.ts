/**
 * `@banshi/sdk`: the typed client of the Banshi government-service API.
 * The form engine lives in `@banshi/sdk/forms`.
 * @packageDocumentation
 */
export { BanshiClient, createClient } from './client.js';
export * from './core/index.js';
export { Page, PagePromise } from './core/pagination.js';
export type { CaseAccessOptions, ListQuery, MutationOptions } from './resources/api-resource.js';
export { Items, type ItemListQuery } from './resources/items/items.js';
export { siteRegions } from './site-regions.js';
export {
  Cases,
  type CaseListQuery,
  type CaseTimelineQuery,
  type CommitmentVerificationQuery,
  type MyCaseListQuery,
} from './resources/cases/cases.js';
export {
  Uploads,
  UPLOAD_TIMEOUT,
  type UploadCreateOptions,
  type UploadCreateParams,
} from './resources/uploads/uploads.js';
export {
  Evaluations,
  type EvaluationListQuery,
  type EvaluationSummaryQuery,
} from './resources/evaluations/evaluations.js';
export {
  Reference,
  type DepartmentListQuery,
  type RegionListQuery,
  type ThemeListQuery,
} from './resources/reference/reference.js';
export { CalendarResource } from './resources/calendar/calendar.js';
export { Appointments, type AppointmentAccessOptions } from './resources/appointments/appointments.js';
export { RatingFigures, type EvaluationFiguresQuery } from './resources/rating-figures/rating-figures.js';
export {
  Consultations,
  type ConsultationAskOptions,
  type ConsultationFiguresQuery,
  type ConsultationListQuery,
  type MyConsultationListQuery,
} from './resources/consultations/consultations.js';
export type * from './resources/schemas.js';
