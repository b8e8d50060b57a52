/**
 * `banshi-loader.js`, the CDN's autoloader: a page adds this one script and its `banshi-*` elements, and
 * each tag is defined the first time it appears. Every widget's chunk (`chunks/banshi-<widget>.js`, beside
 * this file) imports one shared core chunk (`chunks/banshi-core.js`: Lit, the SDK, the base element), so a
 * page with three widgets downloads Lit once. The loader itself holds no Lit and no widget code.
 *
 * Elements inside a shadow root are not seen by the document's observer; a site that renders Banshi
 * elements in its own shadow DOM passes that root to {@link observe}.
 */

/**
 * The widgets this build has chunks for (`rating` for `<banshi-rating>`), each with the chunks its own chunk
 * imports, the core chunk apart, near and far: written in by the CDN build, which knows the graph.
 */
declare const BANSHI_LOADER_WIDGETS: ReadonlyArray<readonly [string, readonly string[]]>;

const PREFIX = 'banshi-';
const widgets = new Map(BANSHI_LOADER_WIDGETS);
/** A selector matching every tag this loader can define. */
const selector = [...widgets.keys()].map((name) => PREFIX + name).join(',');
const chunkUrl = (name: string): string => new URL(`./chunks/${name}.js`, import.meta.url).href;
const loading = new Map<string, Promise<void>>();
const observed = new WeakSet<Node>();

/**
 * Defines `tag` (for example `banshi-rating`) by importing its chunk, with the core chunk and the chunks it
 * imports alongside, so all download at once rather than each after the one that imports it. Resolves when
 * the tag is defined; a tag defined already (by a self-contained `banshi-<widget>.js` on the same page,
 * say) is left as it is.
 */
export function load(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  if (customElements.get(name)) return Promise.resolve();
  const imports = name.startsWith(PREFIX) && widgets.get(name.slice(PREFIX.length));
  if (!imports) return Promise.reject(new Error(`[banshi] the loader knows no <${name}>`));
  let pending = loading.get(name);
  if (!pending) {
    // The URLs are computed, so bundlers and Rollup leave these imports to the browser. Each chunk still
    // runs after the chunks it imports, as it would had it asked for them itself.
    pending = Promise.all(
      ['banshi-core', ...imports, name].map((chunk) => import(/* @vite-ignore */ chunkUrl(chunk))),
    ).then(() => customElements.whenDefined(name).then(() => undefined));
    loading.set(name, pending);
    // A failed download (offline, blocked) may succeed on the element's next appearance.
    pending.catch((error: unknown) => {
      loading.delete(name);
      console.warn(`[banshi] <${name}> could not be loaded`, error);
    });
  }
  return pending;
}

/** Loads every Banshi tag used in `root` (the root itself included when it is an element). */
export function discover(root: ParentNode): Promise<void> {
  const tags = new Set<string>();
  if (root instanceof Element && root.matches(selector)) tags.add(root.localName);
  for (const element of root.querySelectorAll(selector)) tags.add(element.localName);
  return Promise.all([...tags].map((tag) => load(tag).catch(() => undefined))).then(() => undefined);
}

/**
 * Loads the Banshi tags in `root` now and whenever elements are added under it later. The document is
 * observed from the start; pass each shadow root (or other detached tree) that holds Banshi elements.
 */
export function observe(root: Document | ShadowRoot | Element): Promise<void> {
  if (observed.has(root)) return discover(root);
  observed.add(root);
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  }).observe(root, { childList: true, subtree: true });
  return discover(root);
}

void observe(document);
