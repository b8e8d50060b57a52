import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { appendAudit } from '../audit/audit-log.js';
import {
  createServiceAccount,
  knownScopes,
  listServiceAccounts,
  revokeServiceAccount,
} from '../service-accounts/service-accounts.js';
import { databaseArgs, databaseOptionsOf } from './database-options.js';

const usage = `banshi-server service-account <create|revoke|list> [options]

  create --name <name> --scope <scope> [--scope <scope>…]   prints the new key once
  revoke <id>
  list
Scopes: ${knownScopes.join(', ')}
Database: --data-dir <folder> | --database-url <url> (as the server)
`;

const operator = { kind: 'system' as const, id: `cli:${process.env.USER ?? 'unknown'}`, name: '命令行' };

/** `banshi-server service-account …`; answers the exit status. */
export async function serviceAccountCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...databaseArgs,
      name: { type: 'string' },
      scope: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [action, id] = positionals;
  if (values.help || !['create', 'revoke', 'list'].includes(action ?? '')) {
    out(usage);
    return values.help ? 0 : 2;
  }
  const database = await openDatabase(databaseOptionsOf(values));
  try {
    if (action === 'list') {
      for (const account of await listServiceAccounts(database.db)) {
        const state = account.revokedAt
          ? `revoked ${account.revokedAt}`
          : `last used ${account.lastUsedAt ?? 'never'}`;
        out(`${account.id}  ${account.name}  [${account.scopes.join(' ')}]  ${state}`);
      }
      return 0;
    }
    if (action === 'create') {
      const created = await createServiceAccount(database.db, values.name ?? '', values.scope ?? []);
      await appendAudit(database.db, {
        actor: operator,
        action: 'serviceAccount.created',
        outcome: 'success',
        target: { type: 'serviceAccount', id: created.id },
        detail: { name: values.name ?? '', scopes: values.scope ?? [] },
      });
      out(`Created ${created.id}. Its key (shown this once, give it to the client):\n${created.key}`);
      return 0;
    }
    const revoked = await revokeServiceAccount(database.db, id ?? '');
    if (revoked) {
      await appendAudit(database.db, {
        actor: operator,
        action: 'serviceAccount.revoked',
        outcome: 'success',
        target: { type: 'serviceAccount', id: id! },
      });
    }
    out(revoked ? `Revoked ${id}` : `No active service account ${id ?? ''}`);
    return revoked ? 0 : 1;
  } finally {
    await database.close();
  }
}
