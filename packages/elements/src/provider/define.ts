import { defineElement } from '../base/define.js';
import { BanshiProvider } from './provider.js';

defineElement('banshi-provider', BanshiProvider);

declare global {
  interface HTMLElementTagNameMap {
    'banshi-provider': BanshiProvider;
  }
}
