import { defineElement } from '../base/define.js';
import { Evaluations, RatingFigures, useResources } from '../base/resources.js';
import { BanshiRatingSummary } from './rating-summary.js';

useResources({ evaluations: Evaluations, ratingFigures: RatingFigures });
defineElement('banshi-rating-summary', BanshiRatingSummary);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-rating-summary': BanshiRatingSummary;
  }
}
