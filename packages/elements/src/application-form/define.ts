import { defineElement } from '../base/define.js';
import { BanshiApplicationForm } from './application-form.js';

defineElement('banshi-application-form', BanshiApplicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-application-form': BanshiApplicationForm;
  }
}
