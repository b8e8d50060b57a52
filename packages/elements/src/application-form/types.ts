// The API shapes the form works with, under the SDK's names.
export type { CaseCreate, CaseCreated, MaterialSubmission, Region, Upload } from '@banshi/sdk';
export type SituationAnswers = Record<string, string | string[]>;
