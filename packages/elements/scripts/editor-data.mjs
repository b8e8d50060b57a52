// Editor support generated from custom-elements.json: VS Code's HTML custom data
// (dist/vscode.html-custom-data.json; a site's `.vscode/settings.json` lists it under `html.customData`) and
// JetBrains web-types (dist/web-types.json, found through the `web-types` field of package.json), so
// editors complete the tags, attributes and their values, and show each one's documentation.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Every custom element the manifest declares, with its module path. */
function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({ ...declaration, path: module.path })),
  );
}

/** The values of a string-literal union type (`'a' | 'b'`), or undefined for any other type. */
function literalValues(type) {
  const parts = (type?.text ?? '').split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  return literals.length && literals.length === parts.filter((part) => part !== 'undefined').length
    ? literals
    : undefined;
}

const describe = (element) => [element.summary, element.description].filter(Boolean).join('\n\n');

/** An element's attributes as both formats list them: name, documentation, the fixed values if any. */
const attributesOf = (element) =>
  (element.attributes ?? []).map((attribute) => {
    const values = literalValues(attribute.type)?.map((name) => ({ name }));
    return { name: attribute.name, description: attribute.description ?? '', ...(values ? { values } : {}) };
  });

/** VS Code's HTML custom data (version 1.1). */
export function vscodeCustomData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: describe(element),
      attributes: attributesOf(element),
    })),
  };
}

/** JetBrains web-types for the package `pkg` (its name and version). */
export function webTypes(manifest, pkg) {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: describe(element),
          attributes: attributesOf(element).map((attribute) => ({
            ...attribute,
            value: attribute.values
              ? { type: 'enum', kind: 'plain', required: true }
              : { type: 'string', kind: 'plain' },
          })),
          events: (element.events ?? []).map((event) => ({
            name: event.name,
            description: event.description,
          })),
          slots: (element.slots ?? []).map((slot) => ({ name: slot.name, description: slot.description })),
          css: {
            parts: (element.cssParts ?? []).map((part) => ({
              name: part.name,
              description: part.description,
            })),
            properties: (element.cssProperties ?? []).map((property) => ({
              name: property.name,
              description: property.description,
            })),
          },
        })),
      },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const here = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', here), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));
  mkdirSync(new URL('dist/', here), { recursive: true });
  writeFileSync(
    new URL('dist/vscode.html-custom-data.json', here),
    JSON.stringify(vscodeCustomData(manifest), null, 2),
  );
  writeFileSync(new URL('dist/web-types.json', here), JSON.stringify(webTypes(manifest, pkg), null, 2));
}
