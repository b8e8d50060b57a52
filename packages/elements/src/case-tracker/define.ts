import { defineElement } from '../base/define.js';
import { Cases, Items, Uploads, useResources } from '../base/resources.js';
import { BanshiCaseTracker } from './case-tracker.js';

// The rating is a CDN file of its own (banshi-rating.js, beside this one, both self-contained or both the
// loader's chunks): fetched only when a concluded case can be rated, so the tracker's file stays without it. The URL is computed, so a bundler leaves it
// alone. Where the rating is bundled already (banshi.js, the npm package index) it is defined before any
// case is shown, and this is never called.
BanshiCaseTracker.loadRating ??= () =>
  import(/* @vite-ignore */ new URL('./banshi-rating.js', import.meta.url).href);

useResources({ cases: Cases, items: Items, uploads: Uploads });
defineElement('banshi-case-tracker', BanshiCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-case-tracker': BanshiCaseTracker;
  }
}
