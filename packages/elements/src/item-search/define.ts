import { defineElement } from '../base/define.js';
import { BanshiItemSearch } from './search.js';

defineElement('banshi-item-search', BanshiItemSearch);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-item-search': BanshiItemSearch;
  }
}
