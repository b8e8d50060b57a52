// The editor data says what the manifest says: every element, its attributes with their documentation and
// the values of literal unions, and (for JetBrains) its events, parts and custom properties.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { vscodeCustomData, webTypes } from './editor-data.mjs';

const manifestUrl = new URL('../custom-elements.json', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** A manifest of one element, as the analyzer writes it. */
const tiny = {
  schemaVersion: '1.0.0',
  modules: [
    {
      kind: 'javascript-module',
      path: 'src/x/x.ts',
      declarations: [
        { kind: 'class', name: 'Base' },
        {
          kind: 'class',
          name: 'X',
          customElement: true,
          tagName: 'banshi-x',
          summary: '示例',
          attributes: [
            { name: 'mode', type: { text: "'inline' | 'kiosk' | undefined" }, description: 'How it shows.' },
            { name: 'item-code', type: { text: 'string' }, description: '事项编码.' },
          ],
          events: [{ name: 'banshi-done', description: 'Done.' }],
          cssParts: [{ name: 'submit', description: 'The button.' }],
        },
      ],
    },
  ],
};

describe('editor data from custom-elements.json', () => {
  it('lists each element with its attributes, their values, events and parts', () => {
    const [tag] = vscodeCustomData(tiny).tags;
    assert.deepEqual(tag, {
      name: 'banshi-x',
      description: '示例',
      attributes: [
        { name: 'mode', description: 'How it shows.', values: [{ name: 'inline' }, { name: 'kiosk' }] },
        { name: 'item-code', description: '事项编码.' },
      ],
    });
    const types = webTypes(tiny, { name: '@banshi/elements', version: '9.9.9' });
    assert.equal(types.version, '9.9.9');
    const [element] = types.contributions.html.elements;
    assert.deepEqual(element.attributes[0].values, [{ name: 'inline' }, { name: 'kiosk' }]);
    assert.deepEqual(element.events, [{ name: 'banshi-done', description: 'Done.' }]);
    assert.deepEqual(element.css.parts, [{ name: 'submit', description: 'The button.' }]);
  });

  it(
    'covers every widget of the built manifest',
    { skip: !existsSync(manifestUrl) && 'run npm run build' },
    () => {
      const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
      const tags = vscodeCustomData(manifest).tags.map((tag) => tag.name);
      for (const tag of ['banshi-rating', 'banshi-item-search', 'banshi-item-guide', 'banshi-case-tracker']) {
        assert.ok(tags.includes(tag), tag);
      }
      const rating = webTypes(manifest, pkg).contributions.html.elements.find(
        (e) => e.name === 'banshi-rating',
      );
      assert.ok(rating.events.some((event) => event.name === 'banshi-rated'));
      assert.ok(
        rating.attributes.some((attribute) => attribute.name === 'item-code' && attribute.description),
      );
    },
  );
});
