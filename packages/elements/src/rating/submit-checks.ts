/**
 * What the rating needs only when it is sent: the checks of the rater's mobile and name, the request body,
 * and the personal-data check of the comment, with the Chinese formats they use; then the views shown only
 * after a submit (the personal-data warning, the thanks). A chunk of its own on the CDN, fetched on the
 * first submit, so the rating page does not download the format table up front.
 */
export { renderOutcome } from './outcome-view.js';
export { ratingBody, ratingErrors } from './rating-body.js';
export { findSensitive } from './sensitive.js';
export { renderSensitiveWarning } from './sensitive-view.js';
