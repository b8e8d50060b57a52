import { html, type TemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * A QR code of `text` as inline SVG: one path of dark modules, drawn by Lit (no canvas, no innerHTML, so
 * it prints sharp and passes a strict Content-Security-Policy with Trusted Types). A chunk of its own,
 * imported only where a QR code is shown.
 */
export function renderQrCode(text: string, label: string): TemplateResult {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return html`<svg
    class="qr"
    part="qr"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${size} ${size}"
    shape-rendering="crispEdges"
  >
    <rect width=${size} height=${size} fill="#fff"></rect>
    <path d=${path} fill="#000"></path>
  </svg>`;
}
