import type { components } from '../generated/schema.js';

/** Short names for the schemas of the document, as the resources use them. */
type Schemas = components['schemas'];

export type Item = Schemas['Item'];
export type ItemSummary = Schemas['ItemSummary'];
export type ItemPage = Schemas['ItemPage'];
export type ItemMaterial = Schemas['ItemMaterial'];
export type Situation = Schemas['Situation'];
export type FormDefinition = Schemas['FormDefinition'];
export type FormMaterial = Schemas['FormMaterial'];
export type Department = Schemas['Department'];
export type Theme = Schemas['Theme'];
export type Region = Schemas['Region'];
export type Upload = Schemas['Upload'];
export type UploadRef = Schemas['UploadRef'];
export type Case = Schemas['Case'];
export type CaseCreate = Schemas['CaseCreate'];
export type CaseCreated = Schemas['CaseCreated'];
export type CaseState = Schemas['CaseState'];
export type CaseTransition = Schemas['CaseTransition'];
export type CorrectionCreate = Schemas['CorrectionCreate'];
export type WithdrawalCreate = Schemas['WithdrawalCreate'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type MaterialSubmission = Schemas['MaterialSubmission'];
export type Calendar = Schemas['Calendar'];
export type CalendarUpdate = Schemas['CalendarUpdate'];
export type Evaluation = Schemas['Evaluation'];
export type EvaluationCreate = Schemas['EvaluationCreate'];
export type EvaluationLevel = Schemas['EvaluationLevel'];
export type EvaluationChannel = Schemas['EvaluationChannel'];
export type EvaluationReason = Schemas['EvaluationReason'];
export type EvaluationSummary = Schemas['EvaluationSummary'];
export type RectificationAction = Schemas['RectificationAction'];
export type FieldError = Schemas['FieldError'];
