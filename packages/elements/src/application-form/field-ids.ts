/** The element id of the control for a pointer (`#materials/x` → `m-x`, `#situation/x` → `s-x`). */
export function idFor(pointer: string): string {
  if (!pointer.startsWith('#')) return 'f' + pointer;
  const [head, ...rest] = pointer.slice(1).split('/');
  return head!.charAt(0) + '-' + (rest.join('/') || head);
}
