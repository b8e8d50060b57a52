import type { HandlerTable } from './http/operation.js';
import { itemHandlers } from './items/routes.js';
import { referenceHandlers } from './items/reference-routes.js';
import { caseHandlers } from './cases/routes.js';
import { uploadHandlers } from './uploads/routes.js';
import { calendarHandlers } from './calendar/routes.js';
import { evaluationHandlers } from './evaluations/routes.js';
import { auditHandlers } from './audit/routes.js';
import { listMyCases } from './me/my-cases.js';
import { appointmentHandlers } from './appointments/routes.js';
import { figureHandlers } from './evaluations/figures/routes.js';
import { consultationHandlers } from './consultations/routes.js';

/** The handler of every operation of the document, by operationId. */
export const handlers: HandlerTable = {
  ...itemHandlers,
  ...referenceHandlers,
  ...caseHandlers,
  ...uploadHandlers,
  ...calendarHandlers,
  ...evaluationHandlers,
  ...auditHandlers,
  listMyCases,
  ...appointmentHandlers,
  ...figureHandlers,
  ...consultationHandlers,
};
