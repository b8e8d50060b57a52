import { defineElement } from '../base/define.js';
import { BanshiRating } from './rating.js';

defineElement('banshi-rating', BanshiRating);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-rating': BanshiRating;
  }
}
