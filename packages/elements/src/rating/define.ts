import { defineElement } from '../base/define.js';
import { Evaluations, useResources } from '../base/resources.js';
import { BanshiRating } from './rating.js';

useResources({ evaluations: Evaluations });
defineElement('banshi-rating', BanshiRating);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-rating': BanshiRating;
  }
}
