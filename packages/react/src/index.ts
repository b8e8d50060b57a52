/**
 * @banshi/react: the Banshi widgets as React components, generated from the elements' manifest. Each
 * takes the element's properties as props (typed from the element class) and a typed `on<Event>` callback
 * per event, e.g. `<BanshiRating caseId="…" onBanshiRated={(event) => event.detail.level} />`.
 * Importing it defines every `banshi-*` element.
 */
export * from './generated/components.js';
