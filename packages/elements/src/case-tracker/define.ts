import { defineElement } from '../base/define.js';
import { BanshiCaseTracker } from './case-tracker.js';

defineElement('banshi-case-tracker', BanshiCaseTracker);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-case-tracker': BanshiCaseTracker;
  }
}
