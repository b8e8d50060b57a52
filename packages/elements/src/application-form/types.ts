// The API shapes the form works with, under the SDK's names.
import type { CaseCreate } from '@banshi/sdk';

export type { CaseCreate, CaseCreated, MaterialSubmission, Region, Upload } from '@banshi/sdk';
/** The answers to the situation questions, as a case records them. */
export type SituationAnswers = CaseCreate['situationAnswers'];
