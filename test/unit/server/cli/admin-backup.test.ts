// `npm run admin -- backup / restore` of an embedded data folder: a round trip keeps every row and the
// master key, and the restored chain verifies; a damaged or foreign file, a non-empty target and a
// folder in use are refused with a clear message; a restored folder whose chain was tampered with
// is reported (exit 2).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../../server/db/index';
import { auditEvents } from '../../../../server/db/schema/audit';
import { users } from '../../../../server/db/schema/users';
import { createUser } from '../../../../server/services/accounts/users';
import { auditChainKeyOf, configureAuditChainKey } from '../../../../server/services/audit/chain';
import { embeddedWitnessDir } from '../../../../server/services/audit/integrity-check';
import { createWitnessWriter } from '../../../../server/services/audit/witness';
import { loadSecrets } from '../../../../server/secrets';
import { tempDir } from '../../../support/databases';
import { testScryptParams } from '../../../support/support-api';

const root = new URL('../../../../', import.meta.url).pathname;

function admin(args: string[]) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: root, encoding: 'utf8', env: rest });
}

describe('admin backup and restore', { timeout: 180_000 }, () => {
  const tmp = tempDir('support-backup-');
  const source = path.join(tmp.dir, 'data');
  const backup = path.join(tmp.dir, 'folder.backup');
  const masterKey = `${Buffer.alloc(32, 21).toString('base64')}\n`;

  // A folder as the API leaves it: links keyed under its master.key, and a signed witness checkpoint.
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: source });
    writeFileSync(path.join(source, 'master.key'), masterKey, { mode: 0o600 });
    const secrets = loadSecrets({ embedded: true, dataDir: source });
    configureAuditChainKey(auditChainKeyOf(secrets));
    try {
      await database.withRunner((r) => migrate(r));
      for (const username of ['kim', 'lee', 'moe']) {
        await createUser({ transaction: database.transaction, scryptParams: testScryptParams }, { username, role: 'agent', password: 'correct horse battery' }, { actor: 'system', at: new Date() });
      }
      await createWitnessWriter({ db: database.db, dir: embeddedWitnessDir(source), keys: secrets.auditSigningKeys(), now: () => new Date() }).checkpoint(true);
    } finally {
      configureAuditChainKey(null);
      await database.close();
    }
    const [first] = readFileSync(path.join(embeddedWitnessDir(source), 'checkpoints.jsonl'), 'utf8').split('\n');
    expect(JSON.parse(first ?? '{}')).toMatchObject({ seq: 3 });
    // A new folder (initdb), migrations and three scrypt hashes: over the 60 s default on a loaded machine.
  }, 180_000);
  afterAll(() => tmp.remove());

  it('backs up the folder and restores it into a new one: rows, master key and a verified chain', async () => {
    const made = admin(['backup', '--data', source, '--out', backup]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    const target = path.join(tmp.dir, 'restored');
    const restored = admin(['restore', '--from', backup, '--data', target]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('audit chain intact: 3 events, head at event 3, agrees with the witness');
    expect(readFileSync(path.join(target, 'master.key'), 'utf8')).toBe(masterKey);
    // The backing-up process's lock did not travel with the folder.
    expect(existsSync(path.join(target, 'pglite.lock'))).toBe(false);
    const database = await openDatabase({ dataDir: target });
    try {
      expect((await database.db.select({ u: users.username }).from(users)).map((r) => r.u).sort()).toEqual(['kim', 'lee', 'moe']);
    } finally {
      await database.close();
    }

    const again = admin(['restore', '--from', backup, '--data', target]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty: restore into a new folder');
  });

  it('refuses a damaged backup and a file that is not one, writing nothing', () => {
    const bytes = readFileSync(backup);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100]! + 1) % 256;
    writeFileSync(path.join(tmp.dir, 'damaged.backup'), damaged);
    const target = path.join(tmp.dir, 'from-damaged');
    const result = admin(['restore', '--from', path.join(tmp.dir, 'damaged.backup'), '--data', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is damaged');
    expect(result.stderr).toContain('Nothing was restored');
    expect(existsSync(target)).toBe(false);

    writeFileSync(path.join(tmp.dir, 'truncated.backup'), bytes.subarray(0, bytes.length - 10));
    expect(admin(['restore', '--from', path.join(tmp.dir, 'truncated.backup'), '--data', target]).stderr).toContain('is damaged');

    writeFileSync(path.join(tmp.dir, 'notes.txt'), 'shopping list\n');
    const foreign = admin(['restore', '--from', path.join(tmp.dir, 'notes.txt'), '--data', target]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('is not a Support API backup');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to back up a folder another process has open', async () => {
    const database = await openDatabase({ dataDir: source });
    try {
      const result = admin(['backup', '--data', source, '--out', path.join(tmp.dir, 'busy.backup')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('in use by another process');
    } finally {
      await database.close();
    }
  });

  it('reports a restored folder whose audit chain does not verify (exit 2)', async () => {
    const database = await openDatabase({ dataDir: source });
    try {
      // Past the append-only trigger, as someone with the files could: the chain must catch it.
      await database.withRunner(async (r) => {
        await r.query('set session_replication_role = replica');
        await r.query('update audit_events set actor = $1 where seq = 2', ['someone-else']);
        await r.query('set session_replication_role = origin');
      });
      const [event] = await database.db.select({ actor: auditEvents.actor }).from(auditEvents).where(eq(auditEvents.seq, 2));
      expect(event?.actor).toBe('someone-else');
    } finally {
      await database.close();
    }
    const tampered = path.join(tmp.dir, 'tampered.backup');
    expect(admin(['backup', '--data', source, '--out', tampered]).status).toBe(0);
    const result = admin(['restore', '--from', tampered, '--data', path.join(tmp.dir, 'from-tampered')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('audit chain BROKEN at event 2');
  });

  it('reports a restored folder whose tail was cut off: the witness saw more (exit 2)', async () => {
    const cut = path.join(tmp.dir, 'cut');
    expect(admin(['restore', '--from', backup, '--data', cut]).status).toBe(0);
    const database = await openDatabase({ dataDir: cut });
    try {
      await database.withRunner(async (r) => {
        await r.query('set session_replication_role = replica');
        await r.query('delete from audit_events where seq = 3');
        await r.query('set session_replication_role = origin');
      });
    } finally {
      await database.close();
    }
    const shortened = path.join(tmp.dir, 'shortened.backup');
    expect(admin(['backup', '--data', cut, '--out', shortened]).status).toBe(0);
    const result = admin(['restore', '--from', shortened, '--data', path.join(tmp.dir, 'from-shortened')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('audit chain BROKEN at event 3 (truncated)');
  });
});
