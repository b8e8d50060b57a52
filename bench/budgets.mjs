// The budgets of docs/architecture.md, in one place, so every benchmark reports against the same figures.

/**
 * What a page downloads through `banshi-loader.js` (gzip, the loader and every chunk the page's widgets
 * import), against its budget. The self-contained `banshi-<widget>.js` files are reported beside, unbudgeted.
 */
export const loaderPages = [
  { name: 'rating page', widgets: ['rating'], budgetKB: 30 },
  { name: 'search + guide page', widgets: ['item-search', 'item-guide'], budgetKB: 40 },
  { name: 'tracker page', widgets: ['case-tracker'], budgetKB: 34 },
  { name: 'apply page', widgets: ['application-form'], budgetKB: 48 },
  // The widget chunk's own budget is 8 KB; the page adds the loader and the core chunk.
  { name: 'booking page', widgets: ['appointment'], budgetKB: 32 },
  { name: 'ratings board page', widgets: ['rating-summary'], budgetKB: 32 },
  { name: 'ask page', widgets: ['consult'], budgetKB: 32 },
];
/** The core chunk alone (Lit, the SDK's client and transport, the base element). */
export const coreChunkBudgetKB = 24;
/**
 * A page with every widget the budget was set for (the six tags of the first loader), counted as every page
 * above is: what it downloads before a mode that loads on first use is used. The same page with every mode
 * used is reported beside it. Widgets added since carry budgets of their own (their page above, their chunk
 * 8 KB), so a page with every widget the loader defines is held to this figure plus 8 KB for each.
 */
export const allWidgets = {
  widgets: ['rating', 'case-tracker', 'item-search', 'item-guide', 'application-form', 'provider'],
  budgetKB: 80,
  addedChunkBudgetKB: 8,
};
