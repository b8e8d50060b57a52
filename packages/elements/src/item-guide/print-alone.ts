import { situationToQuery } from '../item-common/situation-query.js';
import type { SituationAnswers } from '../item-common/types.js';

/** The attribute that marks the widget being printed. */
const PRINTING = 'data-banshi-printing';

/**
 * While the print dialog is open everything on the page but the marked widget is hidden, and the widget
 * moves to the top of the first sheet: the 告知单 prints without the site's header, navigation or footer.
 * A constructed style sheet, so a strict Content-Security-Policy (no inline styles) allows it.
 */
const PRINT_SHEET = `@media print {
  body * { visibility: hidden !important; }
  [${PRINTING}], [${PRINTING}] * { visibility: visible !important; }
  [${PRINTING}] { position: absolute !important; left: 0 !important; top: 0 !important; width: 100% !important; }
}`;

/** Prints `host` alone (the whole page where the browser cannot adopt style sheets into the document). */
export function printAlone(host: HTMLElement): void {
  let sheet: CSSStyleSheet | undefined;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_SHEET);
    // Safari before 16.4 lacks it and throws here: the whole page prints there, as before.
    // eslint-disable-next-line compat/compat
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    sheet = undefined;
  }
  host.setAttribute(PRINTING, '');
  const done = (): void => {
    host.removeAttribute(PRINTING);
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  addEventListener('afterprint', done, { once: true });
  print();
}

/** The address of this guide with the chosen situations (`s.<id>=<option>`), as the 告知单's QR code holds it. */
export function guideAddress(href: string, situation: SituationAnswers): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith('s.')) url.searchParams.delete(key);
  const answers = situationToQuery(situation);
  url.search = [url.searchParams.toString(), answers].filter(Boolean).join('&');
  return url.href;
}
