/**
 * The parent of `node` in the composed tree as far as configuration is concerned: the light-DOM parent,
 * or the host when `node` is a shadow root. Slotted content therefore looks up through the element it
 * is written in, which is where a site puts its `<banshi-provider>` and `lang`.
 */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (parent as ShadowRoot).host) {
    return (parent as ShadowRoot).host;
  }
  return parent;
}

/** `from` itself and every element above it, crossing shadow roots, nearest first. */
export function composedAncestors(from: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Node | null = from; node; node = composedParent(node)) {
    if (node.nodeType === Node.ELEMENT_NODE) chain.push(node as Element);
  }
  return chain;
}
