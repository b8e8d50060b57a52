// The budgets of docs/architecture.md, in one place, so every benchmark reports against the same figures.
export const sizeBudgetsKB = {
  // The client has no dependencies since it dropped ky: the tighter of the two SDK budgets applies.
  'sdk client': 6,
  'sdk forms (with validator)': 9,
  'cdn/banshi-rating.js': 16,
  'cdn/banshi-item-guide.js': 20,
  'cdn/banshi-case-tracker.js': 18,
  'cdn/banshi-application-form.js': 32,
  'cdn/banshi.js': 50,
};
