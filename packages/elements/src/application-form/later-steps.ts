/**
 * The views of the materials and review steps, with the uploader: a chunk of its own on the CDN, fetched
 * when the person first presses Continue (and waited for before either step shows, or a resumed draft's
 * uploads are followed), so the page with the form does not download them up front.
 */
export { laterMessages } from './later-messages.js';
export { materialActions } from './material-actions.js';
export { materialTexts } from './material-texts.js';
export { renderMaterials } from './materials-view.js';
export { renderReview } from './review-view.js';
export { Uploader } from './uploader.js';
