import { spawnSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/db/index';
import { auditEvents } from '../../../../server/db/schema/audit';
import { users } from '../../../../server/db/schema/users';
import { verifyPassword } from '../../../../server/services/accounts/password';
import { createPostgresDatabase, driverAvailability, tempDir } from '../../../support/databases';

const root = new URL('../../../../', import.meta.url).pathname;
const masterKey = Buffer.alloc(32, 9).toString('base64');

function admin(args: string[], input: string, env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
}

describe('admin CLI', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('creates a user from a piped password, refuses a duplicate, and verifies the audit chain', async () => {
    const created = admin(['create-user', '--username', 'Boss', '--role', 'supervisor', '--display-name', 'The Boss', '--data', tmp.dir], 'a-long-enough-password\n');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^created supervisor Boss/);

    const duplicate = admin(['create-user', '--username', 'boss', '--role', 'agent', '--data', tmp.dir], 'another-long-password\n');
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('That username is taken.');

    const short = admin(['create-user', '--username', 'shorty', '--role', 'agent', '--data', tmp.dir], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');

    const verified = admin(['verify-audit', '--data', tmp.dir], '');
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('audit log intact: 1 events');

    const database = await openDatabase({ dataDir: tmp.dir });
    try {
      const [boss] = await database.db.select().from(users).where(eq(sql`lower(${users.username})`, 'boss'));
      expect(boss).toMatchObject({ username: 'Boss', displayName: 'The Boss', role: 'supervisor' });
      expect(await verifyPassword('a-long-enough-password', boss!.passwordHash)).toBe(true);
      const events = await database.db.select().from(auditEvents);
      expect(events.map((e) => [e.action, e.actor])).toEqual([['user.created', 'system']]);
    } finally {
      await database.close();
    }
    // Four CLI processes and a folder: 174 s at load 25 (each process starts tsx).
  }, 300_000);

  it('fails with usage for an unknown command or role', () => {
    expect(admin(['frobnicate'], '').status).toBe(1);
    const badRole = admin(['create-user', '--username', 'x-user', '--role', 'admin', '--data', tmp.dir], 'a-long-enough-password\n');
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('usage:');
  }, 120_000);
});

describe.runIf(driverAvailability('postgres').available || process.env.CI)('admin CLI on PostgreSQL', () => {
  it('creates a user in DATABASE_URL and verifies the chain there', async () => {
    const pg = await createPostgresDatabase();
    try {
      const created = admin(['create-user', '--username', 'pg-boss', '--role', 'supervisor'], 'a-long-enough-password\n', { DATABASE_URL: pg.url, SUPPORT_API_MASTER_KEY: masterKey });
      expect(created.stderr).toBe('');
      expect(created.stdout).toMatch(/^created supervisor pg-boss/);
      const verified = admin(['verify-audit'], '', { DATABASE_URL: pg.url, SUPPORT_API_MASTER_KEY: masterKey });
      expect(verified.stdout).toContain('audit log intact: 1 events');
      const database = await openDatabase({ databaseUrl: pg.url });
      try {
        const rows = await database.db.select().from(users);
        expect(rows.map((u) => u.username)).toEqual(['pg-boss']);
      } finally {
        await database.close();
      }
    } finally {
      await pg.drop();
    }
  }, 120_000);
});

describe('admin CLI: migrations for operators who migrate before starting instances', () => {
  it('lists pending migrations dry, applies them, then finds nothing to do; a require-start refuses until then', async () => {
    const { migrations } = await import('../../../../server/db/migrations/bundle.generated');
    const { startSupportApi } = await import('../../../../server/start');
    const tmp = tempDir('admin-migrate-');
    try {
      const names = migrations.map((m) => m.name).join(', ');
      const dry = admin(['migrate', '--dry-run', '--data', tmp.dir], '');
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(`would apply ${migrations.length} migration(s): ${names}`);
      const status = admin(['migration-status', '--data', tmp.dir], '');
      expect(status.stdout).toContain(`pending: ${names}`);

      await expect(startSupportApi({ dataDir: tmp.dir, migrations: 'require', seed: false, port: 0 })).rejects.toThrow(/needs migration\(s\) 0000_baseline.*admin -- migrate/);

      const applied = admin(['migrate', '--data', tmp.dir], '');
      expect(applied.status, applied.stderr).toBe(0);
      expect(applied.stdout).toMatch(new RegExp(`applied ${migrations.length} migration\\(s\\) in [0-9.]+ s: ${names}`));
      expect(admin(['migrate', '--data', tmp.dir], '').stdout).toContain('up to date');

      const api = await startSupportApi({ dataDir: tmp.dir, migrations: 'require', seed: false, port: 0 });
      await api.close();
    } finally {
      tmp.remove();
    }
    // Five CLI processes and two starts: 117–121 s at load 25.
  }, 300_000);
});
