import { VERSION } from './version.js';

/** A custom element class that records which copy of @banshi/elements defined it. */
export type BanshiElementConstructor = CustomElementConstructor & { banshiVersion?: string };

/**
 * Registers `tag` unless it is registered already. Two Banshi bundles on one page (a CMS template and a
 * widget snippet, say) must not throw "already been used with this registry": the first copy wins and
 * the second says which versions met, so a site can see why a newer feature is missing.
 *
 * @returns whether this call registered the tag.
 */
export function defineElement(tag: string, constructor: BanshiElementConstructor): boolean {
  const existing = customElements.get(tag) as BanshiElementConstructor | undefined;
  if (!existing) {
    constructor.banshiVersion = VERSION;
    customElements.define(tag, constructor);
    return true;
  }
  if (existing !== constructor) {
    console.warn(
      `[banshi] <${tag}> is already defined by @banshi/elements ${existing.banshiVersion ?? '(unknown version)'}; ` +
        `this copy (${VERSION}) is not registered. Load one Banshi bundle per page.`,
    );
  }
  return false;
}
