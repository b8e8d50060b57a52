import { defineElement } from '../base/define.js';
import { Evaluations, Items, useResources } from '../base/resources.js';
import { BanshiRating } from './rating.js';

// Items: a rating without a case or a window asks which service and window were used.
useResources({ evaluations: Evaluations, items: Items });
defineElement('banshi-rating', BanshiRating);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-rating': BanshiRating;
  }
}
