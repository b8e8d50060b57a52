import { defineElement } from '../base/define.js';
import { Cases, Items, Reference, Uploads, useResources } from '../base/resources.js';
import { BanshiApplicationForm } from './application-form.js';

useResources({ cases: Cases, items: Items, reference: Reference, uploads: Uploads });
defineElement('banshi-application-form', BanshiApplicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-application-form': BanshiApplicationForm;
  }
}
