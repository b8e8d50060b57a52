import {
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

interface TableRow {
  table: string;
  kind: string;
  column: string | null;
  type: string | null;
  not_null: boolean | null;
  has_default: boolean | null;
  serial: boolean | null;
}

/**
 * What Kysely's migrator learns of the database, read from one schema only. Kysely's own PostgreSQL
 * introspector resolves every table of every schema by name; a schema dropped meanwhile (another
 * deployment sharing the database, or a parallel test file) then fails a start-up that never touched it.
 */
export class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`
      select nspname as name from pg_catalog.pg_namespace where nspname = ${this.schema}`.execute(this.db);
    return rows;
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<TableRow>`
      select c.relname as table, c.relkind as kind, a.attname as column, t.typname as type,
             a.attnotnull as not_null, a.atthasdef as has_default,
             a.attidentity <> '' or pg_get_serial_sequence(
               quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) is not null as serial
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_catalog.pg_type t on t.oid = a.atttypid
      where ns.nspname = ${this.schema} and c.relkind in ('r', 'v', 'p', 'f')
      order by c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && row.table.startsWith('kysely_')) continue;
      let table = tables.get(row.table);
      if (!table) {
        table = {
          name: row.table,
          schema: this.schema,
          isView: row.kind === 'v',
          isForeign: row.kind === 'f',
          columns: [],
        };
        tables.set(row.table, table);
      }
      if (row.column)
        table.columns.push({
          name: row.column,
          dataType: row.type ?? '',
          isNullable: !row.not_null,
          hasDefaultValue: Boolean(row.has_default),
          isAutoIncrementing: Boolean(row.serial),
        });
    }
    return [...tables.values()];
  }
}
