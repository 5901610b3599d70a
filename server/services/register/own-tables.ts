// MitID and identity documents: our own tables, whichever source the CPR data comes from.
import { and, eq } from 'drizzle-orm';
import { normaliseUserId } from '../../../shared/domain/mitid/index';
import { registerDocuments, registerMitid } from '../../db/schema/register';
import type { Database, Tx } from '../../db/types';
import { loadMunicipalityLookup, type MunicipalityLoader } from './municipalities';
import type { DocumentRecord, RegisterReader } from './port';

export function ownTablesReader(db: Database | Tx, municipalities: MunicipalityLoader = loadMunicipalityLookup): Omit<RegisterReader, 'person'> {
  return {
    async cprOfMitidUser(userId) {
      const [row] = await db.select({ cpr: registerMitid.cpr }).from(registerMitid).where(eq(registerMitid.userId, normaliseUserId(userId.trim())));
      return row?.cpr ?? null;
    },
    async mitid(cpr) {
      const [row] = await db.select().from(registerMitid).where(eq(registerMitid.cpr, cpr));
      return row ? { userId: row.userId, mobileNumber: row.mobileNumber, mobileRegisteredAt: row.mobileRegisteredAt } : null;
    },
    async document(type, number) {
      const [row] = await db.select().from(registerDocuments).where(and(eq(registerDocuments.type, type), eq(registerDocuments.number, number)));
      return (row as DocumentRecord | undefined) ?? null;
    },
    async documentsOf(cpr) {
      return (await db.select().from(registerDocuments).where(eq(registerDocuments.cpr, cpr))) as DocumentRecord[];
    },
    // The code tables are ours whichever source the persons come from.
    municipalities() {
      return municipalities(db);
    },
  };
}
