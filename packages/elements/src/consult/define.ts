import { defineElement } from '../base/define.js';
import { Consultations, useResources } from '../base/resources.js';
import { BanshiConsult } from './consult.js';

useResources({ consultations: Consultations });
defineElement('banshi-consult', BanshiConsult);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-consult': BanshiConsult;
  }
}
