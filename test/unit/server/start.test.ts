import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSupportApi } from '../../../server/start';
import { createPostgresDatabase, driverAvailability, tempDir } from '../../support/databases';
import { testScryptParams } from '../../support/support-api';

const masterKey = Buffer.alloc(32, 3).toString('base64');

describe('startSupportApi, embedded', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('starts on PGlite with the sandbox, demo accounts and a private master key, and restarts cleanly', async () => {
    const api = await startSupportApi({ dataDir: tmp.dir, seed: false, scryptParams: testScryptParams });
    try {
      const health = await (await fetch(`${api.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'pglite', sandbox: true });
      const login = await fetch(`${api.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent', password: 'agent-demo-pass' }),
      });
      expect(login.status).toBe(200);
      expect(statSync(path.join(tmp.dir, 'master.key')).mode & 0o777).toBe(0o600);
      await expect(startSupportApi({ dataDir: tmp.dir, seed: false })).rejects.toThrow('The data folder is in use by another process');
    } finally {
      await api.close();
    }
    const again = await startSupportApi({ dataDir: tmp.dir, seed: false, scryptParams: testScryptParams });
    try {
      const login = await fetch(`${again.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-pass' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('calls the seed hook at an embedded start', async () => {
    const other = tempDir();
    let seeded = 0;
    const api = await startSupportApi({ dataDir: other.dir, seed: async () => void seeded++, scryptParams: testScryptParams });
    await api.close();
    other.remove();
    expect(seeded).toBe(1);
    // A new data folder (initdb) took over 30 s on a loaded machine, like the test above.
  }, 120_000);
});

describe('startSupportApi, PostgreSQL', () => {
  it('refuses to start without SUPPORT_API_MASTER_KEY', async () => {
    const saved = process.env.SUPPORT_API_MASTER_KEY;
    delete process.env.SUPPORT_API_MASTER_KEY;
    try {
      await expect(startSupportApi({ databaseUrl: 'postgres://127.0.0.1:1/none' })).rejects.toThrow(/SUPPORT_API_MASTER_KEY is not set/);
    } finally {
      if (saved !== undefined) process.env.SUPPORT_API_MASTER_KEY = saved;
    }
  });

  it('says so clearly when the database cannot be reached', async () => {
    await expect(startSupportApi({ databaseUrl: 'postgres://127.0.0.1:1/none', masterKey })).rejects.toThrow(/Could not open the database/);
  });

  it.runIf(driverAvailability('postgres').available)('starts on PostgreSQL without demo accounts or sandbox', async () => {
    const pg = await createPostgresDatabase();
    try {
      const api = await startSupportApi({ databaseUrl: pg.url, masterKey });
      try {
        expect(await (await fetch(`${api.url}/api/health`)).json()).toMatchObject({ database: 'postgres', sandbox: false });
        const login = await fetch(`${api.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'agent', password: 'agent-demo-pass' }),
        });
        expect(login.status).toBe(401);
      } finally {
        await api.close();
      }
    } finally {
      await pg.drop();
    }
  });
});
