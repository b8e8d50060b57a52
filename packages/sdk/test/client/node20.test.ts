// The package promises Node ≥ 20. The suite runs on Node 22, so this test runs the built package in the
// machine's Node 20 against a real local server: a retried GET, pagination and the error guards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startScriptedServer } from './support/scripted-server.js';

const distEntry = new URL('../../dist/index.js', import.meta.url);

function findNode20(): string | undefined {
  const candidates = [process.env.BANSHI_NODE20, '/usr/local/bin/node', '/usr/bin/node', '/bin/node'];
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (version.startsWith('v20.')) return candidate;
  }
  return undefined;
}

const node20 = findNode20();
const skip = !existsSync(distEntry) ? 'dist/ is not built' : !node20 ? 'no Node 20 binary found' : false;

test('the built SDK works in Node 20', { skip }, async (t) => {
  const server = await startScriptedServer((request, index) => {
    if (index === 0) return { status: 503, headers: { 'retry-after': '0' } };
    if (request.url.startsWith('/api/v1/items/missing')) {
      return {
        status: 404,
        body: { type: 'urn:banshi:problem:not-found', title: '未找到', status: 404, code: 'not_found' },
      };
    }
    const cursor = new URL(request.url, 'http://x').searchParams.get('cursor');
    return cursor
      ? { status: 200, body: { items: [{ code: 'b' }], nextCursor: null } }
      : { status: 200, body: { items: [{ code: 'a' }], nextCursor: 'next' } };
  });
  t.after(() => server.close());
  const script = `
    const sdk = await import(${JSON.stringify(distEntry.href)});
    const client = sdk.createClient({ baseUrl: ${JSON.stringify(`${server.origin}/api/v1`)}, locale: 'en' });
    const codes = [];
    for await (const item of client.items.list({ q: 'sfz' })) codes.push(item.code);
    const error = await client.items.get('missing').catch((e) => e);
    console.log(JSON.stringify({ version: process.version, codes, notFound: sdk.isNotFoundError(error), status: error.status }));
  `;
  // Asynchronous, so that this process's server can answer the child.
  const run = await promisify(execFile)(node20 as string, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
  });
  const result = JSON.parse(run.stdout) as {
    version: string;
    codes: string[];
    notFound: boolean;
    status: number;
  };
  assert.match(result.version, /^v20\./);
  assert.deepEqual(result.codes, ['a', 'b']);
  assert.equal(result.notFound, true);
  assert.equal(result.status, 404);
  assert.equal(server.requests.length, 4, 'one retried GET, the second page and the 404');
  assert.equal(server.requests[0]!.headers['accept-language'], 'en');
});
