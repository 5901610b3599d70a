// SIGKILL the Support API in the middle of writes, start it again: it must open cleanly, keep every
// write it acknowledged, and its audit chain must verify.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, queryRows, type DriverName } from '../../../server/db/index';
import { hashToken } from '../../../server/services/accounts/tokens';
import { verifyAuditChain } from '../../../server/services/audit/index';
import { auditChainKeyOf } from '../../../server/services/audit/chain';
import { secretsFromMasterKey } from '../../../server/secrets';
import { sql } from 'drizzle-orm';
import { createPostgresDatabase, driverAvailability, tempDir } from '../../support/databases';

const root = new URL('../../../', import.meta.url).pathname;

function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-server.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        resolve({ child, url: (JSON.parse(line) as { url: string }).url });
      } catch {
        // Not our line.
      }
    });
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening: ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function login(url: string): Promise<string | null> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'agent-demo-pass' }),
  });
  return res.ok ? ((await res.json()) as { token: string }).token : null;
}

async function crashScenario(driver: DriverName, target: { dataDir?: string; url?: string }) {
  const env: Record<string, string> = target.url ? { CRASH_DATABASE_URL: target.url } : { CRASH_DATA_DIR: target.dataDir! };
  const first = await startChild(env);
  if (target.dataDir) {
    // While the child holds the folder, no other process may open it.
    await expect(openDatabase({ dataDir: target.dataDir })).rejects.toThrow('The data folder is in use by another process');
  }
  const acknowledged: string[] = [];
  let stop = false;
  const writers = Array.from({ length: 4 }, async () => {
    while (!stop) {
      try {
        const token = await login(first.url);
        if (token) acknowledged.push(token);
      } catch {
        return; // the server is gone: whatever was in flight was never acknowledged
      }
    }
  });
  // Let writes flow, then kill without warning while requests are in flight.
  while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await exited(first.child);
  stop = true;
  await Promise.all(writers);
  expect(acknowledged.length).toBeGreaterThanOrEqual(30);

  // Restart: the lock of the killed process is taken over, the database recovers.
  const second = await startChild(env);
  const health = await (await fetch(`${second.url}/api/health`)).json();
  expect(health).toMatchObject({ status: 'ok', database: driver });
  expect(await login(second.url)).not.toBeNull();
  second.child.kill('SIGTERM');
  await exited(second.child);

  const database = await openDatabase(target.url ? { databaseUrl: target.url } : { dataDir: target.dataDir! });
  try {
    await database.withRunner((r) => migrate(r));
    const hashes = acknowledged.map(hashToken);
    const found = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from sessions where token_hash in (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})`,
    );
    expect(found[0]?.n).toBe(acknowledged.length);
    // The child links with the chain key of its master key (test/support/crash-server.ts).
    const chain = await verifyAuditChain(database.db, { key: auditChainKeyOf(secretsFromMasterKey(Buffer.alloc(32, 9))) });
    expect(chain.ok).toBe(true);
    // Every acknowledged sign-in has its audit event (plus the two demo users and the restart's sign-in).
    expect(chain.count).toBeGreaterThanOrEqual(acknowledged.length + 3);
  } finally {
    await database.close();
  }
}

describe('crash recovery', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('PGlite keeps every acknowledged write after SIGKILL and reopens', { timeout: 120_000 }, async () => {
    await crashScenario('pglite', { dataDir: tmp.dir });
  });

  it.runIf(driverAvailability('postgres').available || process.env.CI)(
    'PostgreSQL keeps every acknowledged write after SIGKILL of the API',
    { timeout: 120_000 },
    async () => {
      const pg = await createPostgresDatabase();
      try {
        await crashScenario('postgres', { url: pg.url });
      } finally {
        await pg.drop();
      }
    },
  );
});
