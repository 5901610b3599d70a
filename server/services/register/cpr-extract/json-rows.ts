// Bulk inserts for the extract import (persons and code tables), on PostgreSQL and PGlite alike.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/types';

/**
 * One INSERT per table and batch, the rows as one JSON parameter read by json_to_recordset under
 * their property names: JSON.stringify is native, where the driver's array literals (the seed's
 * unnest) are built value by value in JavaScript, and that JavaScript is the parser's time while the
 * import runs.
 */
export async function insertJsonRows(tx: Tx, table: PgTable, rows: readonly object[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const properties = sql.join(columns.map(([key]) => sql.identifier(key)), sql`, `);
  const shape = sql.join(columns.map(([key, c]) => sql`${sql.identifier(key)} ${sql.raw(c.getSQLType())}`), sql`, `);
  await tx.execute(sql`insert into ${table} (${names}) select ${properties} from json_to_recordset(${JSON.stringify(rows)}::json) as r(${shape})`);
}
