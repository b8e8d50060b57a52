import type { CaseCreated } from './types.js';

/** Detail of `banshi-step`: the step now shown. */
export interface ApplicationStepDetail {
  /** `situation`, `page:<id>`, `materials`, `review` or `done`. */
  step: string;
  /** 1-based position and the number of steps before the confirmation. */
  index: number;
  total: number;
}

/**
 * Detail of `banshi-login-required`: the item needs the person signed in at 统一身份认证, at an assurance
 * level (实名等级) of at least `requiredAssuranceLevel`. The host page answers by signing them in.
 */
export interface LoginRequiredDetail {
  itemCode: string;
  /** `signIn`: nobody is signed in; `assuranceLevel`: the person's level is too low. */
  reason: 'signIn' | 'assuranceLevel';
  requiredAssuranceLevel: number;
  /** The signed-in person's level; 0 when nobody is signed in. */
  assuranceLevel: number;
}

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** The application reached the server; `detail` is the case number, query code and case. */
    'banshi-submitted': CustomEvent<CaseCreated>;
    /** The draft was saved on this device (on every Continue). */
    'banshi-draft-saved': CustomEvent<{ itemCode: string; step: string }>;
    /** Another step of the form is shown. */
    'banshi-step': CustomEvent<ApplicationStepDetail>;
    /** The item needs sign-in (or a higher assurance level): the host page should sign the person in. */
    'banshi-login-required': CustomEvent<LoginRequiredDetail>;
  }
}
export {};
