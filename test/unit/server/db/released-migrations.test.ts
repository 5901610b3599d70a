// A released migration is never rewritten: its text is pinned in server/db/migrations/hashes.json, the
// bundle the server runs is the folder's SQL, and every schema change is in a migration.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmptyMigration, migrationHash } from '../../../../server/db/migration-text';
import { migrations } from '../../../../server/db/migrations/bundle.generated';

const root = path.resolve(import.meta.dirname, '../../../..');
const dir = path.join(root, 'server/db/migrations');
const hashes = JSON.parse(readFileSync(path.join(dir, 'hashes.json'), 'utf8')) as Record<string, string>;
const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };

describe('released migrations', () => {
  it('keep the text their recorded hash pins (0000_baseline is the one release 0.1.0 shipped)', () => {
    expect(hashes['0000_baseline']).toBe('c65c9eb45aa0e17725f9e7a3b71387961c91e55ba28e65443aba2dc01e82bc2e');
    for (const [name, hash] of Object.entries(hashes)) {
      const text = readFileSync(path.join(dir, `${name}.sql`), 'utf8');
      expect(migrationHash(text), `${name}.sql was edited after release: add a new migration instead`).toBe(hash);
    }
  });

  it('are all recorded, filled in, numbered in order, and bundled exactly as the folder holds them', () => {
    const tags = [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
    expect(migrations.map((m) => m.name)).toEqual(tags);
    tags.forEach((tag, i) => expect(tag.startsWith(String(i).padStart(4, '0') + '_'), tag).toBe(true));
    for (const m of migrations) {
      expect(isEmptyMigration(m.sql), `${m.name} is empty`).toBe(false);
      expect(m.sql, `${m.name}: run npm run db:generate to re-bundle`).toBe(readFileSync(path.join(dir, `${m.name}.sql`), 'utf8'));
      expect(hashes[m.name], `${m.name} has no recorded hash: run npm run db:generate`).toBe(migrationHash(m.sql));
    }
  });

  it('hold every change of server/db/schema (drizzle-kit finds nothing to generate)', () => {
    const out = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/generate-migrations.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/every schema change is in a migration/);
  }, 60_000);
});
