import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ApiError, consolePasswordSchema, errorCodes, roleSchema, usernameSchema } from '../../../shared/api/index';
import { users } from '../../db/schema/users';
import type { Database, Tx } from '../../db/types';
import { appendAuditEvents } from '../audit/append';
import { hashPassword, type ScryptParams } from './password';

export type UserRow = typeof users.$inferSelect;

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100).optional(),
  role: roleSchema,
  password: consolePasswordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

export async function findUserByUsername(db: Database | Tx, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()))
    .limit(1);
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * Creates a console user and records `user.created` in the same transaction. Hash the password before
 * opening the transaction (hashPassword), so no lock is held during the slow scrypt.
 */
export async function insertUser(
  tx: Tx,
  input: z.output<typeof newUserSchema> & { passwordHash: string },
  by: { actor: string; at: Date },
): Promise<UserRow> {
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    passwordHash: input.passwordHash,
    failedCount: 0,
    lockedUntil: null,
    createdAt: by.at,
    disabled: false,
  };
  try {
    // A savepoint, so a taken username leaves the caller's transaction usable.
    await tx.transaction(async (sp) => {
      await sp.insert(users).values(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError(409, errorCodes.conflict, 'That username is taken.');
    throw error;
  }
  await appendAuditEvents(tx, [{
    actor: by.actor,
    action: 'user.created',
    payload: { userId: row.id, username: row.username, role: row.role },
    occurredAt: by.at,
  }]);
  return row;
}

export interface CreateUserDeps {
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  scryptParams?: ScryptParams;
}

/** Validates, hashes and inserts a user; throws ApiError 409 when the username is taken (any case). */
export async function createUser(deps: CreateUserDeps, input: NewUser, by: { actor: string; at: Date }): Promise<UserRow> {
  const parsed = newUserSchema.parse(input);
  const passwordHash = await hashPassword(parsed.password, deps.scryptParams);
  return deps.transaction((tx) => insertUser(tx, { ...parsed, passwordHash }, by));
}

/** Demo accounts of the sandbox (README): created at the first embedded start, never on PostgreSQL. */
export const demoAccounts = [
  { username: 'agent', displayName: 'Demo Agent', role: 'agent', password: 'agent-demo-pass' },
  { username: 'supervisor', displayName: 'Demo Supervisor', role: 'supervisor', password: 'supervisor-demo-pass' },
] as const satisfies readonly NewUser[];

/** Creates the demo accounts when there are no users at all; returns how many it created. */
export async function ensureDemoAccounts(deps: CreateUserDeps & { db: Database }, at: Date): Promise<number> {
  const [any] = await deps.db.select({ id: users.id }).from(users).limit(1);
  if (any) return 0;
  for (const account of demoAccounts) await createUser(deps, account, { actor: 'system', at });
  return demoAccounts.length;
}
