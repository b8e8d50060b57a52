// Each widget's define.ts hands the client only the SDK resources it lists in `useResources`; a resource
// its code calls but does not list throws only when that call runs. This reads the sources: from each
// define.ts it follows the relative imports (static and import()), finds the calls of a resource's own
// methods (`….cases.get(`, `api().uploads.create(`) and checks that the widget lists each resource.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const sdk = fileURLToPath(new URL('../../sdk/src/', import.meta.url));

/** The client's resources, by property name, with the names of their methods (from the SDK's source). */
function sdkResources() {
  const client = readFileSync(join(sdk, 'client.ts'), 'utf8');
  const classes = [...client.matchAll(/readonly (\w+): (\w+);/g)];
  const files = readdirSync(join(sdk, 'resources'), { recursive: true })
    .filter((file) => String(file).endsWith('.ts'))
    .map((file) => readFileSync(join(sdk, 'resources', String(file)), 'utf8'));
  return new Map(
    classes.map(([, property, name]) => {
      const text = files.find((file) => file.includes(`export class ${name} `)) ?? '';
      const body = text.slice(text.indexOf(`export class ${name} `));
      const methods = [...body.matchAll(/^ {2}(?:async\s+)?(?:\*\s*)?(\w+)\s*[(<]/gm)]
        .map((match) => match[1])
        .filter((method) => method !== 'constructor');
      return [property, new Set(methods)];
    }),
  );
}

/** Every source file `entry` reaches through relative imports, itself included. */
function reachable(entry) {
  const found = new Set();
  const visit = (file) => {
    if (found.has(file) || !existsSync(file)) return;
    found.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, path] of text.matchAll(/(?:from|import\(?)\s*'(\.{1,2}\/[\w./-]+)\.js'/g))
      visit(resolve(dirname(file), `${path}.ts`));
  };
  visit(entry);
  return [...found];
}

const resources = sdkResources();
const widgets = readdirSync(src).filter((name) => {
  const define = join(src, name, 'define.ts');
  return existsSync(define) && readFileSync(define, 'utf8').includes('defineElement(');
});

test('the SDK resources are read from its source', () => {
  assert.ok(resources.get('cases')?.has('get'), 'Cases#get');
  assert.ok(resources.get('uploads')?.has('create'), 'Uploads#create');
});

for (const widget of widgets) {
  test(`<banshi-${widget}> lists every SDK resource its code calls`, () => {
    const define = readFileSync(join(src, widget, 'define.ts'), 'utf8');
    const listed = new Set(
      [...define.matchAll(/useResources\(\{([^}]*)\}\)/g)].flatMap(([, body]) =>
        [...body.matchAll(/(\w+)\s*:/g)].map((match) => match[1]),
      ),
    );
    const called = new Map();
    for (const file of reachable(join(src, widget, 'define.ts'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, property, method] of text.matchAll(/\.\s*(\w+)\s*\.\s*(\w+)\s*\(/g)) {
        if (resources.get(property)?.has(method) && !called.has(property))
          called.set(property, `${file.slice(src.length)}: .${property}.${method}(`);
      }
    }
    const missing = [...called].filter(([property]) => !listed.has(property));
    assert.deepEqual(missing, [], `add these to useResources in src/${widget}/define.ts`);
  });
}
