// `npm run admin -- <command>`: account and audit administration against the configured database
// (DATABASE_URL, or the PGlite folder DATA_DIR / --data, default ./data).
//   create-user --username U --role agent|supervisor [--display-name "…"]   password from stdin or a prompt
//   verify-audit                                                             walks the audit chain, checks the witness and the trigger
//   backup --out FILE / restore --from FILE --data DIR                       the embedded data folder (admin-backup.ts)
//   migrate [--dry-run]                                                      applies (or lists) pending migrations
//   migration-status                                                         applied, pending and unknown migrations
//   import-cpr-extract FILE...                                               loads CPR extract files into the register
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { consolePasswordSchema, roleSchema, usernameSchema } from '../../shared/api/index';
import { systemClock } from '../clock';
import { readServerEnv } from '../config';
import { migrate, migrationStatus } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open';
import { createUser } from '../services/accounts/users';
import { auditChainKeyOf, configureAuditChainKey } from '../services/audit/chain';
import { createWitnessWriter } from '../services/audit/witness';
import { checkAuditIntegrity, embeddedWitnessDir } from '../services/audit/integrity-check';
import { loadSecrets, type Secrets } from '../secrets';
import { ExtractLayoutError, importCprExtract, RegisterSourceError } from '../services/register/cpr-extract/importer';
import { formatImportEvent } from '../services/register/cpr-extract/report';
import { ApiError } from '../../shared/api/index';
import { BackupError } from '../db/pglite-backup';
import { DataFolderInUseError } from '../db/pglite-lock';
import { MigrationError } from '../db/migrate';
import { SecretsError } from '../secrets';
import { cliFailureText } from '../observability/error-summary';
import { backupCommand, restoreCommand } from './admin-backup';

const usage = `usage:
  npm run admin -- create-user --username U --role agent|supervisor [--display-name "Name"] [--data DIR]
      the password is read from stdin when piped, otherwise prompted (twice, not echoed)
  npm run admin -- verify-audit [--data DIR]
  npm run admin -- backup --out FILE [--data DIR]       the embedded data folder, while no API has it open
  npm run admin -- restore --from FILE --data NEW_DIR   into a new folder, then verifies the audit chain
  npm run admin -- migrate [--dry-run] [--data DIR]     before starting instances with MIGRATIONS=require
  npm run admin -- migration-status [--data DIR]
  npm run admin -- import-cpr-extract FILE... [--data DIR]
      CPR extract files (P12170 persons, P05780 roads, P02680 authorities) and the municipality table
      (000;KOMMUNER; format, README), any size; run again to resume.
      Code files are loaded once into register_codes; later person files need none beside them`;

class UsageError extends Error {}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await promptHidden('Password: ');
    const second = await promptHidden('Repeat password: ');
    if (first !== second) throw new UsageError('the passwords differ');
    return first;
  }
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  // The first line is the password; a trailing newline from `echo` is not part of it.
  return input.split(/\r?\n/)[0] ?? '';
}

/**
 * Opens the configured database for one command. Events the command appends are linked with the
 * chain key and then recorded in the witness, like the API's own, so the master secret is needed
 * (SUPPORT_API_MASTER_KEY; embedded: master.key in the data folder).
 */
async function withDatabase<T>(data: string | undefined, fn: (database: OpenDatabase, secrets: Secrets, witnessDir: string | null) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const env = readServerEnv();
  const embedded = !env.DATABASE_URL;
  const dataDir = dataDirOf(data);
  const secrets = loadSecrets({ embedded, dataDir, ...(env.SUPPORT_API_MASTER_KEY ? { masterKey: env.SUPPORT_API_MASTER_KEY } : {}) });
  configureAuditChainKey(auditChainKeyOf(secrets));
  const witnessDir = env.AUDIT_WITNESS_DIR ?? (embedded ? embeddedWitnessDir(dataDir) : null);
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, maxConnections: 2 } : { dataDir });
  try {
    if (options.migrate) await database.withRunner((r) => migrate(r));
    return await fn(database, secrets, witnessDir);
  } finally {
    await database.close();
  }
}

function dataDirOf(data: string | undefined): string {
  return path.resolve(data ?? readServerEnv().DATA_DIR ?? 'data');
}

/** Exit 0 intact, 2 with every problem found (first broken event, missing tail, witness, trigger). */
async function verifyAudit(data: string | undefined): Promise<number> {
  // The chain key and the witness's signing key come from the master secret, never from the database.
  const report = await withDatabase(data, (database, secrets, witnessDir) =>
    checkAuditIntegrity(database.db, {
      key: auditChainKeyOf(secrets),
      witnessDir,
      publicKey: secrets.auditSigningKeys().publicKey,
      onProgress: (n) => process.stderr.write(`\rchecked ${n} events`),
    }),
  );
  process.stderr.write('\n');
  if (report.staged.count > 0) console.log(`staged, not yet chained: ${report.staged.count} events, the oldest for ${report.staged.oldestSeconds} s`);
  if (!report.witnessChecked) console.log('warning: no audit witness configured (AUDIT_WITNESS_DIR): a cut-off tail or a re-chained log cannot be detected');
  if (report.ok) {
    console.log(`audit log intact: ${report.count} events, head at event ${report.headSeq}${report.witnessChecked ? ', agrees with the witness' : ''}`);
    return 0;
  }
  for (const problem of report.problems) console.log(`audit log BROKEN (${problem.kind}): ${problem.reason}`);
  return 2;
}

const createUserArgs = z.object({
  username: usernameSchema,
  role: roleSchema,
  'display-name': z.string().trim().min(1).max(100).optional(),
  data: z.string().min(1).optional(),
});

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: command === 'import-cpr-extract',
  });
  if (command === 'import-cpr-extract') {
    if (positionals.length === 0) throw new UsageError('import-cpr-extract needs at least one file');
    try {
      const summary = await withDatabase(values.data, (database) =>
        importCprExtract(database, positionals, { now: systemClock.now(), report: (e) => console.error(formatImportEvent(e)) }),
      );
      console.log(`imported ${summary.persons.toLocaleString('en')} persons (${summary.records.toLocaleString('en')} records, ${summary.errors} with errors)`);
      return summary.errors > 0 ? 3 : 0;
    } catch (error) {
      if (error instanceof ExtractLayoutError || error instanceof RegisterSourceError) {
        console.error(error.message);
        return 2;
      }
      throw error;
    }
  }
  if (command === 'create-user') {
    const parsed = createUserArgs.safeParse(values);
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    const password = consolePasswordSchema.safeParse(await readPassword());
    if (!password.success) throw new UsageError(`password: ${password.error.issues[0]?.message ?? 'invalid'}`);
    const a = parsed.data;
    const user = await withDatabase(a.data, async (database, secrets, witnessDir) => {
      const created = await createUser(
        database,
        { username: a.username, role: a.role, password: password.data, ...(a['display-name'] ? { displayName: a['display-name'] } : {}) },
        { actor: 'system', at: systemClock.now() },
      );
      if (witnessDir) await createWitnessWriter({ db: database.db, dir: witnessDir, keys: secrets.auditSigningKeys(), now: () => systemClock.now() }).checkpoint(true);
      return created;
    });
    console.log(`created ${user.role} ${user.username} (${user.id})`);
    return 0;
  }
  if (command === 'verify-audit') return verifyAudit(values.data);
  if (command === 'backup') return backupCommand(values, (m) => new UsageError(m));
  if (command === 'restore') return restoreCommand(values, (m) => new UsageError(m));
  if (command === 'migrate') {
    const dryRun = values['dry-run'] === true;
    const started = Date.now();
    const names = await withDatabase(values.data, (database) => database.withRunner((r) => migrate(r, undefined, { dryRun })), { migrate: false });
    if (names.length === 0) console.log('the database is up to date: no migration pending');
    else if (dryRun) console.log(`would apply ${names.length} migration(s): ${names.join(', ')}`);
    else console.log(`applied ${names.length} migration(s) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${names.join(', ')}`);
    return 0;
  }
  if (command === 'migration-status') {
    const status = await withDatabase(values.data, (database) => database.withRunner((r) => migrationStatus(r)), { migrate: false });
    console.log(`applied: ${status.applied.join(', ') || '(none)'}`);
    console.log(`pending: ${status.pending.join(', ') || '(none)'}`);
    if (status.unknown.length > 0) console.log(`unknown to this version (made by a newer one): ${status.unknown.join(', ')}`);
    if (status.changed.length > 0) console.log(`changed since applied: ${status.changed.join(', ')}`);
    return status.unknown.length > 0 || status.changed.length > 0 ? 2 : 0;
  }
  throw new UsageError(command ? `unknown command ${command}` : 'no command');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${usage}`);
    // Any other error by class and code only: a failed query's message carries its parameters.
    else console.error(`admin: ${cliFailureText(error, [ApiError, BackupError, DataFolderInUseError, MigrationError, SecretsError])}`);
    process.exit(1);
  },
);
