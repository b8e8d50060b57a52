/**
 * What the form needs only when it sends: the request body, the server's objections mapped back to the
 * fields, and the receipt. A chunk of its own on the CDN, fetched on the first submit.
 */
export { caseRequest } from './case-request.js';
export { laterMessages } from './later-messages.js';
export { serverObjections } from './server-errors.js';
export { renderReceipt } from './receipt-view.js';
