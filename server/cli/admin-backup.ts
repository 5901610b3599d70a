// `npm run admin -- backup|restore`: the embedded data folder to one file and back (server/db/pglite-backup.ts).
// A restore is followed by verify-audit's whole check (keyed links under the folder's master key, the
// witness, the append-only trigger), so a restored folder is known to be whole.
import path from 'node:path';
import { z } from 'zod';
import { systemClock } from '../clock';
import { openDatabase } from '../db/open';
import { backupDataFolder, restoreDataFolder } from '../db/pglite-backup';
import { auditChainKeyOf } from '../services/audit/chain';
import { checkAuditIntegrity, embeddedWitnessDir } from '../services/audit/integrity-check';
import { loadSecrets } from '../secrets';
import { apiVersion } from '../version';

const backupArgs = z.object({ data: z.string().min(1).optional(), out: z.string().min(1) });
const restoreArgs = z.object({ data: z.string().min(1), from: z.string().min(1) });

export type ArgsError = (message: string) => Error;

function parse<T>(schema: z.ZodType<T>, values: unknown, usageError: ArgsError): T {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw usageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function refusePostgres(usageError: ArgsError): void {
  if (process.env.DATABASE_URL) {
    throw usageError('backup and restore are for the embedded data folder; back up PostgreSQL with pg_dump (README, "Running a support centre")');
  }
}

export async function backupCommand(values: unknown, usageError: ArgsError): Promise<number> {
  refusePostgres(usageError);
  const args = parse(backupArgs, values, usageError);
  const dataDir = path.resolve(args.data ?? process.env.DATA_DIR ?? 'data');
  const manifest = await backupDataFolder(dataDir, path.resolve(args.out), { now: systemClock.now(), apiVersion });
  console.log(`backed up ${dataDir} to ${path.resolve(args.out)} (${manifest.archive.bytes} bytes, sha256 ${manifest.archive.sha256})`);
  return 0;
}

export async function restoreCommand(values: unknown, usageError: ArgsError): Promise<number> {
  refusePostgres(usageError);
  const args = parse(restoreArgs, values, usageError);
  const dataDir = path.resolve(args.data);
  const manifest = await restoreDataFolder(path.resolve(args.from), dataDir);
  console.log(`restored the backup of ${manifest.createdAt} (Support API ${manifest.apiVersion}) into ${dataDir}`);
  // The folder's own master.key (restored with it): its links are keyed, its witness signed with it.
  const secrets = loadSecrets({ embedded: true, dataDir });
  const database = await openDatabase({ dataDir });
  try {
    const report = await checkAuditIntegrity(database.db, {
      key: auditChainKeyOf(secrets),
      witnessDir: process.env.AUDIT_WITNESS_DIR || embeddedWitnessDir(dataDir),
      publicKey: secrets.auditSigningKeys().publicKey,
    });
    if (report.ok) {
      console.log(`audit chain intact: ${report.count} events, head at event ${report.headSeq}${report.witnessChecked ? ', agrees with the witness' : ''}`);
      return 0;
    }
    for (const p of report.problems) console.log(`audit chain BROKEN${p.seq === null ? '' : ` at event ${p.seq}`} (${p.kind}): ${p.reason}`);
    console.log('do not use this folder until it is explained');
    return 2;
  } finally {
    await database.close();
  }
}
