// What a migration's text means to the migrator and to the release check: its hash, its statements.
import { createHash } from 'node:crypto';

const breakpoint = '--> statement-breakpoint';

/** SHA-256 of the file as written: what support_migrations.hash and migrations/hashes.json hold. */
export const migrationHash = (sql: string): string => createHash('sha256').update(sql).digest('hex');

const stripComments = (sql: string) => sql.replace(/--.*$/gm, '').trim();

/** The statements drizzle-kit separates with its breakpoint marker, comment-only parts dropped. */
export const migrationStatements = (sql: string): string[] => sql.split(breakpoint).filter((s) => stripComments(s) !== '');

/** A hand-written migration not filled in yet (drizzle-kit's --custom writes only a comment). */
export const isEmptyMigration = (sql: string): boolean => migrationStatements(sql).length === 0;
