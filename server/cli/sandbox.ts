// `npm run sandbox -- <command>`: the synthetic CPR register.
//   seed [--persons N] [--seed S] [--replace] [--data DIR]   fills an empty register (DATABASE_URL or PGlite ./data)
//   show <CPR> [--data DIR]                                     prints one synthetic person's record as JSON
//   export-extract <DIR> [--data DIR]                           writes the sandbox as CPR extract files
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { systemClock } from '../clock';
import { readServerEnv } from '../config';
import { DataFolderInUseError } from '../db/pglite-lock';
import { migrate, MigrationError } from '../db/migrate';
import { cliFailureText } from '../observability/error-summary';
import { openDatabase, type OpenDatabase } from '../db/open';
import { defaultSandboxPersons, defaultSandboxSeed, isSandboxRegister, NotSandboxError, reseedSandbox, seedSandboxIfEmpty } from '../sandbox/seed';
import { PersonNotFoundError, showSandboxPerson } from '../sandbox/show';
import { writeExtract } from '../services/register/cpr-extract/writer';

const usage = `usage:
  npm run sandbox -- seed [--persons N] [--seed S] [--replace] [--data DIR]
      fills an empty register with N synthetic persons (default ${defaultSandboxPersons}, seed "${defaultSandboxSeed}");
      --replace regenerates an existing sandbox register (never a register that is not the sandbox).
      With DATABASE_URL set it seeds that PostgreSQL database: the only way a shared database gets the sandbox.
  npm run sandbox -- show <CPR> [--data DIR]
      prints the synthetic person's whole register record as JSON (sandbox registers only)
  npm run sandbox -- export-extract <DIR> [--data DIR]
      writes the sandbox register as CPR extract files (persons.txt, roads.txt, authorities.txt) into DIR`;

class UsageError extends Error {}

const seedArgs = z.object({
  persons: z.coerce.number().int().min(100).max(2_000_000).default(defaultSandboxPersons),
  seed: z.string().min(1).max(200).default(defaultSandboxSeed),
  replace: z.boolean().default(false),
  data: z.string().min(1).optional(),
});

async function withDatabase<T>(data: string | undefined, fn: (database: OpenDatabase, target: string) => Promise<T>): Promise<T> {
  const env = readServerEnv();
  const target = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${data ?? env.DATA_DIR ?? 'data'}`;
  const database = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, maxConnections: 2 } : { dataDir: data ?? env.DATA_DIR ?? 'data' },
  );
  try {
    await database.withRunner((r) => migrate(r));
    return await fn(database, target);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      persons: { type: 'string' },
      seed: { type: 'string' },
      replace: { type: 'boolean' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) throw new UsageError('');
  if (command === 'seed') {
    if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);
    const args = seedArgs.safeParse(values);
    if (!args.success) throw new UsageError(args.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    const { persons, seed, replace, data } = args.data;
    await withDatabase(data, async ({ db }, target) => {
      console.error(`Seeding ${persons.toLocaleString('en')} synthetic persons (seed "${seed}") into ${target}…`);
      const options = { persons, seed, now: systemClock.now() };
      const result = replace ? await reseedSandbox(db, options) : await seedSandboxIfEmpty(db, options);
      if (!result.seeded) {
        console.error('The register is not empty: nothing seeded (use --replace to regenerate a sandbox register).');
        process.exitCode = 1;
        return;
      }
      console.log(`Seeded ${result.persons.toLocaleString('en')} persons in ${(result.ms / 1000).toFixed(1)} s.`);
    });
    return;
  }
  if (command === 'show') {
    if (rest.length !== 1) throw new UsageError('show takes one CPR number');
    await withDatabase(values.data, async ({ db }) => {
      const record = await showSandboxPerson(db, rest[0] as string, systemClock.now());
      console.log(JSON.stringify(record, null, 2));
    });
    return;
  }
  if (command === 'export-extract') {
    if (rest.length !== 1) throw new UsageError('export-extract takes one folder');
    await withDatabase(values.data, async ({ db }) => {
      if (!(await isSandboxRegister(db))) throw new NotSandboxError('This register is not the sandbox: only synthetic persons are exported.');
      const result = await writeExtract(db, rest[0] as string, { now: systemClock.now() });
      console.log(`Wrote ${result.persons.toLocaleString('en')} persons (${result.records.toLocaleString('en')} records) to ${rest[0]}.`);
    });
    return;
  }
  throw new UsageError(`unknown command: ${command}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(usage);
    process.exit(2);
  }
  // Messages written for the operator as they are; any other error by class and code only.
  const known = error instanceof NotSandboxError || error instanceof PersonNotFoundError || error instanceof DataFolderInUseError;
  console.error(known ? (error as Error).message : `sandbox: ${cliFailureText(error, [MigrationError])}`);
  if (error instanceof DataFolderInUseError) console.error('Stop the console or `npm run serve` using that folder first.');
  process.exit(1);
});
