// A web-test-runner command for touch screens, in every engine: `banshi-tap` {x, y} puts a finger down and
// up at that point of the page (a WebDriver touch pointer, or puppeteer's touchscreen over the DevTools
// protocol or WebDriver BiDi), so the page gets the touch and pointer events a phone sends, then the click.
// It answers the pointer type the page will see.
export function touchCommands() {
  return {
    name: 'banshi-touch-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'banshi-tap') return undefined;
      const x = Math.round(payload.x);
      const y = Math.round(payload.y);
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).touchscreen.tap(x, y);
        return 'touch';
      }
      if (session.browser.type === 'webdriver') {
        const finger = {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'touch' },
          actions: [
            { type: 'pointerMove', duration: 0, x, y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        };
        await session.browser.performActions(session.id, [finger]);
        // WebKitGTK's WebDriver has no touch input: it delivers the touch pointer as a mouse.
        return 'mouse';
      }
      throw new Error(`banshi-tap: no touch input for ${session.browser.name}`);
    },
  };
}
