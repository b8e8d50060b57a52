// The generated types must be what openapi-typescript makes of the document. The build regenerates the
// working copy, so the check also compares the committed file whenever the document itself is committed:
// a document change pushed without its regenerated types fails here even right after a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const documentPath = 'openapi/banshi.yaml';
const generatedPath = 'packages/sdk/src/generated/schema.d.ts';
const regenerate = 'run `npm run generate -w @banshi/sdk` and commit src/generated/schema.d.ts';

function freshlyGenerated(scratch: string): string {
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')),
    'bin/cli.js',
  );
  const output = join(scratch, 'schema.d.ts');
  const run = spawnSync(process.execPath, [cli, join(repository, documentPath), '-o', output], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `openapi-typescript failed:\n${run.stderr}`);
  return readFileSync(output, 'utf8');
}

function git(...args: string[]) {
  return spawnSync('git', args, { cwd: repository, encoding: 'utf8' });
}

test('src/generated/schema.d.ts matches openapi/banshi.yaml', (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'banshi-schema-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  const fresh = freshlyGenerated(scratch);
  assert.ok(
    readFileSync(join(repository, generatedPath), 'utf8') === fresh,
    `the working copy is stale: ${regenerate}`,
  );

  const documentCommitted = git('diff', '--quiet', 'HEAD', '--', documentPath).status === 0;
  const committed = git('show', `HEAD:${generatedPath}`);
  if (documentCommitted && committed.status === 0) {
    assert.ok(committed.stdout === fresh, `the committed file is stale: ${regenerate}`);
  }
});
