import type { Handlers } from '../http/operation.js';
import { createCase } from './create-case.js';
import { submitCaseCorrection } from './correct-case.js';
import { caseReadHandlers } from './read-cases.js';
import { verificationHandlers } from './list-verifications.js';
import { transitionCase } from './transition-case.js';
import { withdrawCase } from './withdraw-case.js';

/** The operations on cases (办件). */
export const caseHandlers: Handlers<
  | 'createCase'
  | 'listCases'
  | 'getCase'
  | 'listCaseTimeline'
  | 'submitCaseCorrection'
  | 'withdrawCase'
  | 'transitionCase'
  | 'listCommitmentVerifications'
> = {
  createCase,
  ...caseReadHandlers,
  submitCaseCorrection,
  withdrawCase,
  transitionCase,
  ...verificationHandlers,
};
