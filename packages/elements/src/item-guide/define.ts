import { defineElement } from '../base/define.js';
import { BanshiItemGuide } from './guide.js';

defineElement('banshi-item-guide', BanshiItemGuide);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-item-guide': BanshiItemGuide;
  }
}
