import { defineElement } from '../base/define.js';
import { BanshiRatingSummary } from './rating-summary.js';

defineElement('banshi-rating-summary', BanshiRatingSummary);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-rating-summary': BanshiRatingSummary;
  }
}
