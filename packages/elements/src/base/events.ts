/**
 * Every event a Banshi widget dispatches, by type, with its `detail`. Widgets add their own entries
 * from their folder by augmenting this interface:
 *
 * ```ts
 * declare module '../base/events.js' {
 *   interface BanshiEventMap { 'banshi-rated': CustomEvent<Evaluation> }
 * }
 * ```
 *
 * All of them bubble and are composed, so a page hears them on `document` even from nested shadow roots.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BanshiEventMap {}

// The events are composed and bubble, so a page hears them on elements, the document and the window.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends BanshiEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends BanshiEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends BanshiEventMap {}
}

/** The `detail` type of the Banshi event `type`. */
export type BanshiEventDetail<K extends keyof BanshiEventMap> =
  BanshiEventMap[K] extends CustomEvent<infer D> ? D : never;
