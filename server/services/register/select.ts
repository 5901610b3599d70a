// Which register port a deployment uses. The sandbox only when register_meta says the tables hold the
// sandbox; an imported extract only when they hold one; Datafordeler only over a register that is not
// the sandbox. A real source turns every sandbox aid off (seeding, the trainer's `show`, the sandbox
// phone for codes).
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { RegisterEnv } from '../../config';
import { registerMeta } from '../../db/schema/register';
import type { Database } from '../../db/types';
import { createDatafordelerClient } from './datafordeler/client';
import { datafordelerRegisterPort } from './datafordeler/adapter';
import type { RegisterPort } from './port';
import { tablesRegisterPort } from './tables-adapter';

export class RegisterConfigError extends Error {
  override name = 'RegisterConfigError';
}

export interface SelectedRegister {
  port: RegisterPort;
  /** Sandbox aids (seeding, trainer view, sandbox phone) are on only for the synthetic register. */
  sandboxAids: boolean;
}

/** Whether the configured source will be a real one, decided before the database is touched. */
export function isRealSource(env: RegisterEnv): boolean {
  return env.REGISTER_SOURCE === 'cpr-extract' || env.REGISTER_SOURCE === 'datafordeler';
}

export async function selectRegister(db: Database, env: RegisterEnv): Promise<SelectedRegister> {
  const [row] = await db.select().from(registerMeta).where(eq(registerMeta.key, 'source'));
  const held = row?.value ?? null;
  switch (env.REGISTER_SOURCE) {
    case undefined:
      if (held === 'cpr-extract') return { port: tablesRegisterPort('cpr-extract'), sandboxAids: false };
      if (held !== null && held !== 'sandbox') throw new RegisterConfigError(`register_meta says the register holds "${held}", which this version does not know.`);
      return { port: tablesRegisterPort('sandbox'), sandboxAids: true };
    case 'sandbox':
      if (held !== 'sandbox') throw new RegisterConfigError('REGISTER_SOURCE=sandbox, but register_meta does not say the register is the sandbox.');
      return { port: tablesRegisterPort('sandbox'), sandboxAids: true };
    case 'cpr-extract':
      if (held !== 'cpr-extract') {
        throw new RegisterConfigError('REGISTER_SOURCE=cpr-extract, but no CPR extract has been imported (`npm run admin -- import-cpr-extract FILE...`).');
      }
      return { port: tablesRegisterPort('cpr-extract'), sandboxAids: false };
    case 'datafordeler': {
      if (held === 'sandbox') throw new RegisterConfigError('REGISTER_SOURCE=datafordeler over a database holding the sandbox register: use a database of its own.');
      const read = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
      const client = createDatafordelerClient({
        graphqlUrl: env.DATAFORDELER_GRAPHQL_URL as string,
        tokenUrl: env.DATAFORDELER_TOKEN_URL as string,
        clientId: env.DATAFORDELER_CLIENT_ID as string,
        cert: read(env.DATAFORDELER_CERT_FILE) as string,
        key: read(env.DATAFORDELER_KEY_FILE) as string,
        ...(env.DATAFORDELER_CA_FILE ? { ca: read(env.DATAFORDELER_CA_FILE) as string } : {}),
        timeoutMs: env.DATAFORDELER_TIMEOUT_MS,
        retries: env.DATAFORDELER_RETRIES,
      });
      return { port: datafordelerRegisterPort(client), sandboxAids: false };
    }
  }
}
