import type { Item, SituationAnswers } from '../item-common/types.js';

/** Detail of `banshi-apply`: the item and the situation answers to hand to the application form. */
export interface ItemApplyDetail {
  itemCode: string;
  /** `{ [situationId]: optionId | optionId[] }`, the form definition's situation answers. */
  situation: SituationAnswers;
}

declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A guide arrived and is shown. */
    'banshi-guide-loaded': CustomEvent<Item>;
    /** 在线办理 was chosen; cancel it to stop the widget following `apply-url`. */
    'banshi-apply': CustomEvent<ItemApplyDetail>;
    /** 预约办理 was chosen; cancel it to stop the widget following `appointment-url`. */
    'banshi-appointment': CustomEvent<ItemApplyDetail>;
    /** The situation answers changed. */
    'banshi-situation-change': CustomEvent<ItemApplyDetail>;
  }
}
export {};
