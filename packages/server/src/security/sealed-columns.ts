import {
  ColumnNode,
  ColumnUpdateNode,
  InsertQueryNode,
  PrimitiveValueListNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  sql,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { rotatePii, type SealedColumns } from './rotate.js';
import type { PiiCipher } from './pii-cipher.js';

/**
 * The columns that hold personal data, encrypted at rest: names, ID numbers, mobiles, addresses and
 * form data of cases (`applicant`, `form_data`, `details` with the agent and the delivery address) and
 * of evaluations (the rater, and the details with the rater's words); questions to the office with their
 * answers and the asker's mobile. Every one is text.
 */
export const sealedColumns: SealedColumns[] = [
  {
    table: 'cases',
    key: 'number',
    columns: ['applicant_name', 'applicant', 'form_data', 'details', 'owner', 'company'],
    indexes: [
      { column: 'applicant_name_index', from: 'applicant_name', purpose: 'cases.applicant_name' },
      { column: 'owner_index', from: 'owner', purpose: 'cases.owner' },
      { column: 'company_index', from: 'company', purpose: 'cases.company' },
      {
        column: 'applicant_index',
        from: 'applicant',
        purpose: 'cases.applicant',
        value: (plain) => applicantIdentifier(JSON.parse(plain)),
      },
    ],
  },
  { table: 'evaluations', key: 'id', columns: ['rater', 'details'] },
  {
    table: 'consultations',
    key: 'number',
    columns: ['question', 'mobile', 'answer', 'follow_up', 'follow_up_answer'],
  },
];

/** What identifies an applicant for duplicate checks: the ID number of a person, an organisation's credit code. */
export function applicantIdentifier(applicant: {
  kind?: string;
  idNumber?: string;
  creditCode?: string;
}): string {
  const value = applicant.kind === 'organisation' ? applicant.creditCode : applicant.idNumber;
  return `${applicant.kind ?? 'person'}:${(value ?? '').toUpperCase()}`;
}

const prefix = 'pii1:';

function tableOf(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (TableNode.is(node)) return node.table.identifier.name;
  const aliased = node as { kind?: string; node?: OperationNode };
  return aliased.kind === 'AliasNode' ? tableOf(aliased.node) : undefined;
}

/**
 * Encrypts the personal-data columns on every insert and update and decrypts them in every result, so
 * no handler can forget to, and a database dump holds none of it in clear. Values already sealed (a
 * rotation's) pass as they are; raw SQL is left alone.
 */
export class SealedColumnsPlugin implements KyselyPlugin {
  private readonly byTable: Map<string, Set<string>>;
  private readonly tables = new WeakMap<QueryId, string>();

  constructor(
    private readonly cipher: PiiCipher,
    specs: SealedColumns[] = sealedColumns,
  ) {
    this.byTable = new Map(specs.map((spec) => [spec.table, new Set(spec.columns)]));
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { node } = args;
    let table: string | undefined;
    if (InsertQueryNode.is(node)) table = tableOf(node.into);
    else if (UpdateQueryNode.is(node)) table = tableOf(node.table);
    else if (SelectQueryNode.is(node) && node.from?.froms.length === 1) table = tableOf(node.from.froms[0]);
    const columns = table ? this.byTable.get(table) : undefined;
    if (!table || !columns) return node;
    this.tables.set(args.queryId, table);
    if (InsertQueryNode.is(node)) return this.sealInsert(node, table, columns);
    if (UpdateQueryNode.is(node)) return this.sealUpdate(node, table, columns);
    return node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.tables.get(args.queryId);
    const columns = table ? this.byTable.get(table) : undefined;
    if (!table || !columns) return args.result;
    for (const row of args.result.rows) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value === 'string' && value.startsWith(prefix))
          row[column] = this.cipher.decrypt(value, `${table}.${column}`);
      }
    }
    return args.result;
  }

  private seal(value: unknown, table: string, column: string): unknown {
    if (value === null || value === undefined) return value;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.startsWith(prefix) ? text : this.cipher.encrypt(text, `${table}.${column}`);
  }

  private sealInsert(node: InsertQueryNode, table: string, columns: Set<string>): InsertQueryNode {
    const names = (node.columns ?? []).map((c) => c.column.name);
    if (!node.values || !ValuesNode.is(node.values) || !names.some((n) => columns.has(n))) return node;
    const values = node.values.values.map((list) => {
      if (PrimitiveValueListNode.is(list)) {
        return PrimitiveValueListNode.create(
          list.values.map((v, i) => (columns.has(names[i]!) ? this.seal(v, table, names[i]!) : v)),
        );
      }
      return ValueListNode.create(
        list.values.map((v, i) =>
          columns.has(names[i]!) && ValueNode.is(v)
            ? ValueNode.create(this.seal(v.value, table, names[i]!))
            : v,
        ),
      );
    });
    return { ...node, values: ValuesNode.create(values) };
  }

  private sealUpdate(node: UpdateQueryNode, table: string, columns: Set<string>): UpdateQueryNode {
    if (!node.updates) return node;
    const updates = node.updates.map((update) => {
      const name = ColumnNode.is(update.column) ? update.column.column.name : undefined;
      if (!name || !columns.has(name) || !ValueNode.is(update.value)) return update;
      return ColumnUpdateNode.create(
        update.column,
        ValueNode.create(this.seal(update.value.value, table, name)),
      );
    });
    return { ...node, updates };
  }
}

/**
 * Encrypts the personal data of rows stored before encryption at rest (and any under an older key), and
 * computes their blind indexes. `pii rotate` runs it; a start runs {@link sealStoredRowsOnce}.
 */
export function sealStoredRows(db: Kysely<unknown>, cipher: PiiCipher) {
  return rotatePii(db, sealedColumns, cipher);
}

const sealedMark = 'stored rows sealed';

/**
 * {@link sealStoredRows} once per database, after the migrations (`banshi-server migrate` or a start):
 * it scans every table holding personal data, so it leaves a mark in `maintenance_marks` and later
 * starts read that one row instead. Since this release writes nothing in clear, nothing unsealed can
 * appear after the mark. Answers the rows sealed, or `undefined` when the mark was already there.
 */
export async function sealStoredRowsOnce(
  db: Kysely<unknown>,
  cipher: PiiCipher,
): Promise<{ rows: number } | undefined> {
  const marked = await sql`select 1 from maintenance_marks where name = ${sealedMark}`.execute(db);
  if (marked.rows.length) return undefined;
  // Workers starting together may both get here; the batches skip each other's locked rows.
  const sealed = await sealStoredRows(db, cipher);
  await sql`insert into maintenance_marks (name) values (${sealedMark}) on conflict do nothing`.execute(db);
  return sealed;
}
