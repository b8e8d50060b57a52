import { defineElement } from '../base/define.js';
import { Consultations, Items, Uploads, useResources } from '../base/resources.js';
import { BanshiConsult } from './consult.js';

// A question may carry a file: the item's form gives the upload session, the form's Uploader sends it.
useResources({ consultations: Consultations, items: Items, uploads: Uploads });
defineElement('banshi-consult', BanshiConsult);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-consult': BanshiConsult;
  }
}
