/**
 * Items of a list in running text: 、 in Chinese, a comma elsewhere (English "At a window, Online",
 * never "At a window、Online").
 */
export function joinList(items: readonly string[], locale: string): string {
  return items.join(/^zh\b/i.test(locale) ? '、' : ', ');
}
