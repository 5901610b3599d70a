// Backup and restore of an embedded (PGlite) data folder. The backup is taken while the folder is
// locked (no API may have it open), after a checkpoint, with PGlite's own dumpDataDir: a gzipped tar
// of the whole folder, master.key included, so a restored folder can still unseal and verify what it
// holds. The file starts with one JSON line (format, version, size and SHA-256 of the archive) so a
// damaged or foreign file is refused with a clear message before anything is written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { lockDataFolder } from './pglite-lock';
import { safeErrorMessage } from '../observability/error-summary';

const format = 'mitid-support-console-backup';

const manifestSchema = z.object({
  format: z.literal(format),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** The Support API version that wrote it (information for the operator). */
  apiVersion: z.string(),
  archive: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Files of the folder's lock (server/db/pglite-lock.ts): they belong to the process that made the backup. */
const lockArtifacts = ['pglite.lock', 'pglite.lock.pid'];

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function backupDataFolder(dataDir: string, outFile: string, options: { now: Date; apiVersion: string }): Promise<BackupManifest> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} is not an embedded Support API data folder (no PG_VERSION).`);
  const release = await lockDataFolder(dataDir);
  let archive: Buffer;
  try {
    const client = await PGlite.create({ dataDir });
    try {
      // Everything committed is in the data files, so the archive needs no WAL replay to be whole.
      await client.query('checkpoint');
      archive = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
  } finally {
    await release();
  }
  const manifest: BackupManifest = {
    format,
    version: 1,
    createdAt: options.now.toISOString(),
    apiVersion: options.apiVersion,
    archive: { bytes: archive.length, sha256: sha256(archive) },
  };
  // Written beside the target and renamed: a backup file either is complete or does not exist.
  // Mode 0600: it holds the master key and every record of the folder.
  const partial = `${outFile}.partial`;
  writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`), archive]), { mode: 0o600 });
  renameSync(partial, outFile);
  return manifest;
}

/** Reads and checks a backup file: its manifest and the archive's size and checksum. */
export function readBackup(file: string): { manifest: BackupManifest; archive: Buffer } {
  const data = readFileSync(file);
  const newline = data.subarray(0, 4096).indexOf(0x0a);
  let manifest: BackupManifest | undefined;
  if (newline > 0) {
    try {
      const parsed = manifestSchema.safeParse(JSON.parse(data.subarray(0, newline).toString('utf8')));
      if (parsed.success) manifest = parsed.data;
    } catch {
      // not JSON: handled below
    }
  }
  if (!manifest) throw new BackupError(`${file} is not a Support API backup (made by \`npm run admin -- backup\`).`);
  const archive = data.subarray(newline + 1);
  if (archive.length !== manifest.archive.bytes || sha256(archive) !== manifest.archive.sha256) {
    throw new BackupError(
      `${file} is damaged: its archive is ${archive.length} bytes with a checksum that does not match the one recorded at backup time. Nothing was restored.`,
    );
  }
  return { manifest, archive };
}

/**
 * Restores a backup into a new folder: refuses a folder that exists and is not empty. The archive is
 * unpacked into a sibling temp folder, opened once by PGlite, and only then renamed into place.
 */
export async function restoreDataFolder(file: string, dataDir: string): Promise<BackupManifest> {
  const { manifest, archive } = readBackup(file);
  const target = path.resolve(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new BackupError(`${target} is not empty: restore into a new folder (the existing one is left as it is).`);
  }
  const staging = `${target}.restoring-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(archive)]) });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
    for (const name of lockArtifacts) rmSync(path.join(staging, name), { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true }); // an empty folder, checked above
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new BackupError(`The backup could not be restored: ${safeErrorMessage(error)}`);
  }
  return manifest;
}
