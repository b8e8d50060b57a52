// The committed types must be what openapi-typescript makes of the committed document today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdk = fileURLToPath(new URL('../../', import.meta.url));
const documentPath = join(sdk, '../../openapi/banshi.yaml');
const committedPath = join(sdk, 'src/generated/schema.d.ts');

test('src/generated/schema.d.ts is up to date with openapi/banshi.yaml (run `npm run generate` if not)', (t) => {
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')),
    'bin/cli.js',
  );
  const scratch = mkdtempSync(join(tmpdir(), 'banshi-schema-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  const fresh = join(scratch, 'schema.d.ts');
  const run = spawnSync(process.execPath, [cli, documentPath, '-o', fresh], { encoding: 'utf8' });
  assert.equal(run.status, 0, `openapi-typescript failed:\n${run.stderr}`);
  assert.ok(
    readFileSync(committedPath, 'utf8') === readFileSync(fresh, 'utf8'),
    'src/generated/schema.d.ts is stale: run `npm run generate -w @banshi/sdk` and commit the result',
  );
});
