import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { verifyAuditChain } from '../audit/verify.js';
import { databaseArgs, databaseOptionsOf } from './database-options.js';

const usage = `banshi-server audit verify [--data-dir <folder> | --database-url <url>]

Walks the audit log's hash chain and reports the first broken link. Exit status 0 when the chain holds,
1 when it is broken.
`;

/** `banshi-server audit …`; answers the exit status. */
export async function auditCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...databaseArgs, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help || positionals[0] !== 'verify') {
    out(usage);
    return values.help ? 0 : 2;
  }
  const database = await openDatabase(databaseOptionsOf(values));
  try {
    const started = performance.now();
    const result = await verifyAuditChain(database.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      const range = result.firstSeq === null ? '' : ` (${result.firstSeq}–${result.lastSeq})`;
      out(`Audit chain holds: ${result.records} records${range}, checked in ${seconds} s`);
      return 0;
    }
    out(`Audit chain broken at record ${result.brokenAt} (${result.reason}) after ${result.records} records`);
    return 1;
  } finally {
    await database.close();
  }
}
