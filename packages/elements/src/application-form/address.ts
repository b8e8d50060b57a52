/**
 * The region address's control and checks: a chunk of its own on the CDN, which only a form asking for a
 * region address downloads (with the region picker), before its first step shows.
 */
export { addressErrors } from './address-check.js';
export { renderRegionAddress } from './region-address-view.js';
