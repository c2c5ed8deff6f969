import { sql } from 'drizzle-orm';
import { type Database, selectRows } from '../../db/client';

/** Columns a digest leaves out, by table name: values a test allows to change. */
export type DigestExclusions = Readonly<Record<string, readonly string[]>>;

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Every table of the database (all schemas but the catalogues), as `schema.table`. */
export const allTables = async (database: Database): Promise<string[]> =>
  (
    await selectRows<{ name: string }>(
      database.db,
      sql`select schemaname || '.' || tablename as name from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    )
  ).map(({ name }) => name);

/**
 * A digest of every row of every table: per table, the row count and the MD5 of all rows as
 * JSON, sorted. Equal digests before and after a request mean the request wrote nothing, save
 * the `exclude`d columns (keyed by bare table name).
 */
export const databaseDigest = async (
  database: Database,
  exclude: DigestExclusions = {},
): Promise<Record<string, string>> => {
  const tables = await allTables(database);
  const parts = tables.map((qualified) => {
    const [schema = '', table = ''] = qualified.split('.');
    const dropped = exclude[table] ?? [];
    const row = dropped.length ? `to_jsonb(t) - array[${dropped.map(quoteLiteral).join(', ')}]::text[]` : 'to_jsonb(t)';
    return `select ${quoteLiteral(qualified)} as name, count(*)::int as n,
      coalesce(md5(string_agg((${row})::text, '|' order by (${row})::text)), '') as h
      from ${quoteIdent(schema)}.${quoteIdent(table)} t`;
  });
  const rows = await selectRows<{ name: string; n: number; h: string }>(
    database.db,
    sql.raw(parts.join(' union all ')),
  );
  return Object.fromEntries(rows.map(({ name, n, h }) => [name, `${n}:${h}`]));
};

/**
 * A digest without the rate-limit counters: a refused request is still an attempt, and counting
 * it is the one write a refusal must make (server/auth/shared-rate-limit.ts).
 */
export const digestBesidesAttempts = async (database: Database): Promise<Record<string, string>> => {
  const { 'public.rate_windows': _attempts, ...rest } = await databaseDigest(database);
  return rest;
};
