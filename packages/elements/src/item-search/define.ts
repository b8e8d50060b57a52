import { defineElement } from '../base/define.js';
import { Items, Reference, useResources } from '../base/resources.js';
import { BanshiItemSearch } from './search.js';

useResources({ items: Items, reference: Reference });
defineElement('banshi-item-search', BanshiItemSearch);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-item-search': BanshiItemSearch;
  }
}
