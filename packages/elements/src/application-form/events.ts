import type { CaseCreated } from './types.js';

/** Detail of `banshi-step`: the step now shown. */
export interface ApplicationStepDetail {
  /** `situation`, `page:<id>`, `materials`, `review` or `done`. */
  step: string;
  /** 1-based position and the number of steps before the confirmation. */
  index: number;
  total: number;
}

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** The application reached the server; `detail` is the case number, query code and case. */
    'banshi-submitted': CustomEvent<CaseCreated>;
    /** The draft was saved on this device (on every Continue). */
    'banshi-draft-saved': CustomEvent<{ itemCode: string; step: string }>;
    /** Another step of the form is shown. */
    'banshi-step': CustomEvent<ApplicationStepDetail>;
  }
}
export {};
