// A process that records one state change through the audit group commit and kills itself (SIGKILL,
// as kill -9) at the step named by argv[3]: 'staged' (inside the change's transaction, after staging),
// or one of group-commit.ts's ChainStep. argv[2] is the mark the change records. PGlite in
// CRASH_DATA_DIR or PostgreSQL at CRASH_DATABASE_URL; prints "acknowledged" if it gets that far.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/index';
import { appendAuditEvents } from '../../server/services/audit/append';
import { configureAuditChainKey } from '../../server/services/audit/chain';
import { createAuditGroupCommit } from '../../server/services/audit/group-commit';

const [mark, crashAt] = process.argv.slice(2) as [string, string];
const die = (step: string) => {
  if (step === crashAt) process.kill(process.pid, 'SIGKILL');
};
configureAuditChainKey(Buffer.alloc(32, 7));
const database = await openDatabase(process.env.CRASH_DATABASE_URL ? { databaseUrl: process.env.CRASH_DATABASE_URL } : { dataDir: process.env.CRASH_DATA_DIR as string });
const groupCommit = createAuditGroupCommit(database, { onStep: die });
await groupCommit.transaction(async (tx) => {
  await tx.execute(sql`insert into crash_marks (mark) values (${mark})`);
  await appendAuditEvents(tx, [{ actor: 'system', action: 'review.note_added', payload: { mark }, occurredAt: new Date() }]);
  die('staged');
});
console.log('acknowledged');
await database.close();
