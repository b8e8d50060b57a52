import type { ItemSummary } from '../item-common/types.js';

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A result or suggestion was chosen; cancel it to stop the widget following `item-url`. */
    'banshi-item-select': CustomEvent<ItemSummary>;
  }
}
export {};
