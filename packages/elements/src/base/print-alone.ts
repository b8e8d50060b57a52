// Printing one widget alone: its own sheet, without the page around it.

/** The attribute that marks the widget being printed. */
const PRINTING = 'data-banshi-printing';

/**
 * While the print dialog is open everything on the page but the marked widget is hidden, and the widget
 * moves to the top of the first sheet: a 告知单 or a written decision prints without the site's header, navigation or footer.
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
