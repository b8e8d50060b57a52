declare module '../base/events.js' {
  interface BanshiEventMap {
    /** A region was chosen (or the choice cleared): `code` is the deepest level chosen, `path` its names. */
    'banshi-region-change': CustomEvent<{ code: string; path: string[]; complete: boolean }>;
  }
}
export {};
