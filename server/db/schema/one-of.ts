import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column in ('a', 'b')` for a CHECK constraint: the database refuses a value the code does not know.
 * The values are the code's own constants (the contract's enums), never input, so they are inlined.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  if (values.some((v) => !/^[a-z_]+$/.test(v))) throw new Error('oneOf takes lower-case identifiers only');
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/** A zod enum's values as the non-empty tuple drizzle's `text({ enum })` wants (zod 4 types them as an array). */
export const enumValues = <T extends string>(schema: { options: readonly T[] }): readonly [T, ...T[]] =>
  schema.options as unknown as readonly [T, ...T[]];
