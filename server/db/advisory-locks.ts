// PostgreSQL advisory lock keys used by the Support API, in one place so no two uses collide
// (a shared key would make unrelated work wait for each other across the whole cluster).
export const advisoryLocks = {
  /** Session lock held while migrations are applied (server/db/migrate.ts). */
  migrate: 7_301_004_211,
  /** Transaction lock that serialises audit appends (server/services/audit/append.ts). */
  auditAppend: 7_301_004_220,
} as const;
