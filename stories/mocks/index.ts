/**
 * The mocked API every story starts with, one entry per resource. A story replaces one entry with
 * `parameters: { msw: { handlers: { evaluations: evaluationHandlers.unavailable } } }`; the others stay.
 */
import type { HttpHandler } from 'msw';
import { evaluationHandlers } from './evaluations.js';

export type MockHandlers = Record<string, HttpHandler[]>;

export const defaultHandlers: MockHandlers = {
  evaluations: evaluationHandlers.normal,
};

export { evaluationHandlers } from './evaluations.js';
export { mockCases } from './cases.js';
export { seedItems, englishItemNames } from './catalogue.js';
export { API, failures, json, problem, validationFailed, notFound, resetMocks } from './respond.js';
