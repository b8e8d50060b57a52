/**
 * The mocked API every story starts with, one entry per resource. A story replaces one entry with
 * `parameters: { msw: { handlers: { evaluations: evaluationHandlers.unavailable } } }`; the others stay.
 */
import type { HttpHandler } from 'msw';
import { evaluationHandlers } from './evaluations.js';
import { itemHandlers } from './items.js';
import { appointmentHandlers } from './appointments.js';
import { ratingFigureHandlers } from './rating-figures.js';
import { consultationHandlers } from './consultations.js';

export type MockHandlers = Record<string, HttpHandler[]>;

export const defaultHandlers: MockHandlers = {
  evaluations: evaluationHandlers.normal,
  items: itemHandlers.normal,
  appointments: appointmentHandlers.normal,
  ratingFigures: ratingFigureHandlers.normal,
  consultations: consultationHandlers.normal,
};

export { evaluationHandlers } from './evaluations.js';
export { itemHandlers } from './items.js';
export { appointmentHandlers } from './appointments.js';
export { ratingFigureHandlers } from './rating-figures.js';
export { consultationHandlers } from './consultations.js';
export { mockCases } from './cases.js';
export { seedItems, catalogueItems, seedForms, englishItemNames } from './catalogue.js';
export { API, failures, json, problem, validationFailed, notFound, resetMocks } from './respond.js';
