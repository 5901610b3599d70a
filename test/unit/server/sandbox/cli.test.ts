import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../support/databases';

const root = new URL('../../../../', import.meta.url).pathname;

function sandbox(args: string[]) {
  // Never the developer's shared database: these runs use a temp PGlite folder.
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/sandbox.ts', ...args], { cwd: root, encoding: 'utf8', env: rest });
}

// Each run starts a process that opens (and the first time creates) a PGlite folder: slow on a busy machine.
describe('sandbox CLI', { timeout: 90_000 }, () => {
  const tmp = tempDir('sandbox-cli-');
  afterAll(() => tmp.remove());

  it('refuses to show anyone before the register is the sandbox', () => {
    const shown = sandbox(['show', '120368-1158', '--data', tmp.dir]);
    expect(shown.status).toBe(1);
    expect(shown.stderr).toContain('not the sandbox');
    expect(shown.stdout).toBe('');
  });

  it('seeds once, then shows a persona as JSON', () => {
    const seeded = sandbox(['seed', '--persons', '300', '--data', tmp.dir]);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/^Seeded 300 persons/);
    const again = sandbox(['seed', '--persons', '300', '--data', tmp.dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
    const shown = sandbox(['show', '1203681158', '--data', tmp.dir]);
    expect(shown.status).toBe(0);
    const record = JSON.parse(shown.stdout) as { cpr: string; mitid: { userId: string }; documents: { number: string }[] };
    expect(record.cpr).toBe('120368-1158');
    expect(record.mitid.userId).toBe('kirsten.holm');
    expect(record.documents.map((d) => d.number)).toContain('204518637');
  });

  it('explains bad arguments and unknown persons', () => {
    const bad = sandbox(['seed', '--persons', 'many', '--data', tmp.dir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage:');
    const missing = sandbox(['show', '010101-1234', '--data', tmp.dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No person 010101-1234');
  });
});
