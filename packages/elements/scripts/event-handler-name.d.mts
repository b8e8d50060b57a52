/** `banshi-rating-queued` → `onBanshiRatingQueued` */
export declare const handlerName: (event: string) => string;
