// register_codes in and out: a code file's rows replace the rows of its kinds (a code file is a whole
// table), and the importer and the writer read the tables from here, never from files.
import { inArray } from 'drizzle-orm';
import { registerCodes, type RegisterCodeRow } from '../../../db/schema/register';
import type { Database, Tx } from '../../../db/types';
import { CodeTables } from './codes';
import { insertJsonRows } from './json-rows';

type CodeKind = RegisterCodeRow['kind'];

const chunk = 5000;

/** Replaces every row of `kinds` with `rows` (in the caller's transaction). */
export async function replaceCodeRows(tx: Tx, kinds: readonly CodeKind[], rows: readonly RegisterCodeRow[]): Promise<void> {
  await tx.delete(registerCodes).where(inArray(registerCodes.kind, [...kinds]));
  for (let i = 0; i < rows.length; i += chunk) await insertJsonRows(tx, registerCodes, rows.slice(i, i + chunk));
}

/** The code tables held in the database (empty tables when none were loaded). */
export async function loadCodeTables(db: Database | Tx): Promise<CodeTables> {
  return CodeTables.fromRows(await db.select().from(registerCodes));
}
