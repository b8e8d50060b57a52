// The name frameworks give the handler of a widget's event, used by the React wrappers, their test and the
// Vue declarations alike.

/** `banshi-rating-queued` → `onBanshiRatingQueued` */
export const handlerName = (event) =>
  `on${event.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}`;
