import type { TrackedCase } from './types.js';

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A case was found by a lookup, or a refresh found it changed; `detail` is the case as it is now. */
    'banshi-case-loaded': CustomEvent<TrackedCase>;
    /** The applicant's correction (补正) was accepted by the server; `detail` is the case as it is now. */
    'banshi-correction-submitted': CustomEvent<TrackedCase>;
    /** The applicant withdrew the application (撤回); `detail` is the case as it is now. */
    'banshi-case-withdrawn': CustomEvent<TrackedCase>;
  }
}

export {};
