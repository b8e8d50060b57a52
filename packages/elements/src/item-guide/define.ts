import { defineElement } from '../base/define.js';
import { Consultations, Items, useResources } from '../base/resources.js';
import { BanshiItemGuide } from './guide.js';

useResources({ consultations: Consultations, items: Items });
defineElement('banshi-item-guide', BanshiItemGuide);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-item-guide': BanshiItemGuide;
  }
}
