import { defineElement } from '../base/define.js';
import { BanshiConsult } from './consult.js';

defineElement('banshi-consult', BanshiConsult);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-consult': BanshiConsult;
  }
}
