/** The states of a case, as the document names them (`CaseState`). */
export type CaseState =
  | 'submitted'
  | 'correctionRequested'
  | 'accepted'
  | 'suspended'
  | 'rejected'
  | 'approved'
  | 'denied'
  | 'concluded'
  | 'delivered'
  | 'withdrawn';

/** Every step that moves a case (`TimelineAction` without `submit` and `submitDeferredMaterial`). */
export type CaseAction =
  | 'accept'
  | 'reject'
  | 'requestCorrection'
  | 'submitCorrection'
  | 'suspend'
  | 'resume'
  | 'approve'
  | 'deny'
  | 'conclude'
  | 'deliver'
  | 'withdraw';

/**
 * The transitions of `CaseState`: each action, the states it may start from and the state it leads to.
 * submitted → accepted | rejected | correctionRequested; correctionRequested → submitted | rejected;
 * accepted ⇄ suspended; accepted → approved | denied → concluded → delivered; withdrawn from any open state.
 */
export const transitions: Record<CaseAction, { from: readonly CaseState[]; to: CaseState }> = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted', 'correctionRequested'], to: 'rejected' },
  requestCorrection: { from: ['submitted'], to: 'correctionRequested' },
  submitCorrection: { from: ['correctionRequested'], to: 'submitted' },
  suspend: { from: ['accepted'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'accepted' },
  approve: { from: ['accepted'], to: 'approved' },
  deny: { from: ['accepted'], to: 'denied' },
  conclude: { from: ['approved', 'denied'], to: 'concluded' },
  deliver: { from: ['concluded'], to: 'delivered' },
  withdraw: { from: ['submitted', 'correctionRequested', 'accepted', 'suspended'], to: 'withdrawn' },
};

/** States in which the case is still being handled (deferred materials may still be handed in). */
export const openStates: readonly CaseState[] = ['submitted', 'correctionRequested', 'accepted', 'suspended'];

/** The state after `action`, or undefined when the action is not allowed in `state`. */
export function nextState(state: CaseState, action: CaseAction): CaseState | undefined {
  const rule = transitions[action];
  return rule.from.includes(state) ? rule.to : undefined;
}
