// The database layer: open (PGlite or PostgreSQL), migrate, and the types services use.
export { openDatabase, type OpenDatabase, type OpenDatabaseOptions } from './open';
export { migrate, migrationStatus, refusal, MigrationError, type MigrationStatus, type SqlRunner } from './migrate';
export { DataFolderInUseError } from './pglite-lock';
export { queryRows } from './rows';
export type { Database, DriverName, Schema, Tx } from './types';
export * as schema from './schema/index';
