import type { components } from '@banshi/sdk';

type Schemas = components['schemas'];
/** What `POST /cases` takes. */
export type CaseCreate = Schemas['CaseCreate'];
/** What `POST /cases` answers: the case number, query code and the case. */
export type CaseCreated = Schemas['CaseCreated'];
/** An uploaded file and its content check. */
export type Upload = Schemas['Upload'];
/** A GB/T 2260 region. */
export type Region = Schemas['Region'];
/** One material of the submission. */
export type MaterialSubmission = Schemas['MaterialSubmission'];
