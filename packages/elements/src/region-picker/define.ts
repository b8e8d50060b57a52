import { defineElement } from '../base/define.js';
import { BanshiRegionPicker } from './region-picker.js';

defineElement('banshi-region-picker', BanshiRegionPicker);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-region-picker': BanshiRegionPicker;
  }
}
