import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { ApiError, errorCodes, type ConsoleUser, type SessionInfo } from '../../../shared/api/index';
import type { Clock } from '../../clock';
import type { AuditAction } from '../../../shared/domain/audit/index';
import type { Policy } from '../../../shared/domain/policy/index';
import { getPolicy } from '../../db/policy';
import { unknownLoginAttempts } from '../../db/schema/login-attempts';
import { sessions } from '../../db/schema/sessions';
import { users } from '../../db/schema/users';
import type { Database, Tx } from '../../db/types';
import type { Principal } from '../principal';
import type { Secrets } from '../../secrets';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import { hashPassword, verifyPassword, type ScryptParams } from './password';
import { afterFailure, failureDelayMs, throttleState } from './throttle';
import { hashToken, newSessionToken } from './tokens';
import { findUserByUsername, type UserRow } from './users';

export interface AccountsDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  secrets: Secrets;
  scryptParams?: ScryptParams;
  /** How failure delays are waited out (tests record them instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
}

/** One message for every sign-in failure: it must not tell whether the username exists or is locked. */
export const invalidCredentialsMessage = 'Wrong username or password, or the account is locked for a while.';
const invalidCredentials = () => new ApiError(401, errorCodes.invalidCredentials, invalidCredentialsMessage);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function toConsoleUser(u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'role'>): ConsoleUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}

function sessionInfo(user: ConsoleUser, expiresAt: Date, policy: Policy): SessionInfo {
  return { user, expiresAt: expiresAt.toISOString(), idleTimeoutSeconds: policy.session.consoleLockMinutes * 60 };
}

/** Forgets unknown usernames with no failure for a day and no lock running. */
export async function pruneUnknownLoginAttempts(tx: Tx, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await tx
    .delete(unknownLoginAttempts)
    .where(and(lt(unknownLoginAttempts.lastFailedAt, dayAgo), or(isNull(unknownLoginAttempts.lockedUntil), lt(unknownLoginAttempts.lockedUntil, now))));
}

type Attempt = { ok: true; result: SessionInfo & { token: string } } | { ok: false; failedCount: number };

export function createAccountsService(deps: AccountsDeps) {
  const { db, clock } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  // Unknown usernames are checked against this, so a miss costs the same time as a wrong password.
  const dummyHash = hashPassword(randomUUID(), deps.scryptParams);
  const throttleKey = deps.secrets.deriveKey('login-throttle');
  const unknownKey = (username: string) => createHmac('sha256', throttleKey).update(username.trim().toLowerCase()).digest('hex');

  /** A transaction whose audit events are collected as it goes and appended once, at its end. */
  async function auditedTransaction<T>(fn: (tx: Tx, audit: AuditEventInput[]) => Promise<T>): Promise<T> {
    return deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      const result = await fn(tx, audit);
      await appendAuditEvents(tx, audit);
      return result;
    });
  }

  async function answerFailure(failedCount: number, policy: Policy): Promise<never> {
    const delay = failureDelayMs(failedCount, policy.login);
    if (delay > 0) await sleep(delay);
    throw invalidCredentials();
  }

  /** Failures for usernames that do not exist are counted like real ones (see unknown_login_attempts). */
  async function failUnknown(tx: Tx, audit: AuditEventInput[], username: string, now: Date, policy: Policy): Promise<number> {
    const key = unknownKey(username);
    await tx.insert(unknownLoginAttempts).values({ usernameKey: key, failedCount: 0, lastFailedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(unknownLoginAttempts).where(eq(unknownLoginAttempts.usernameKey, key)).for('update');
    const state = throttleState(row ?? { failedCount: 0, lockedUntil: null }, now, policy.login);
    const next = state.locked ? { failedCount: state.failedCount, lockedUntil: row?.lockedUntil ?? null } : afterFailure(state.failedCount, now, policy.login);
    await tx
      .update(unknownLoginAttempts)
      .set({ failedCount: next.failedCount, lockedUntil: next.lockedUntil, lastFailedAt: now })
      .where(eq(unknownLoginAttempts.usernameKey, key));
    // Sprayed usernames must not grow the table for ever: now and then, forget quiet ones (a day
    // without failures and no lock running). Occasional, so a spray does not pay a scan per attempt.
    if (randomInt(100) === 0) await pruneUnknownLoginAttempts(tx, now);
    audit.push({ actor: 'public', action: 'login.failed', payload: { reason: 'unknown_user' }, occurredAt: now });
    return next.failedCount;
  }

  /**
   * The shared core of sign-in and unlock: the password was checked before the transaction (no lock
   * held during scrypt); here the user row is locked, the lockout consulted and the counters moved.
   */
  async function settle(
    tx: Tx,
    audit: AuditEventInput[],
    user: UserRow,
    passwordOk: boolean,
    now: Date,
    policy: Policy,
    failedAction: Extract<AuditAction, 'login.failed' | 'session.unlock_failed'>,
    extra: Record<string, string> = {},
  ): Promise<{ ok: true } | { ok: false; failedCount: number; lockedNow: boolean }> {
    const [row] = await tx.select().from(users).where(eq(users.id, user.id)).for('update');
    if (!row) return { ok: false, failedCount: 0, lockedNow: false };
    const state = throttleState(row, now, policy.login);
    const refusal = state.reason ?? (row.disabled ? 'disabled' : null);
    if (refusal) {
      audit.push({ actor: row.id, action: failedAction, payload: { ...extra, reason: refusal }, occurredAt: now });
      return { ok: false, failedCount: state.failedCount, lockedNow: false };
    }
    // The hash may have changed between the check and the lock (password change): then it does not count.
    if (passwordOk && row.passwordHash === user.passwordHash) {
      if (row.failedCount !== 0 || row.lockedUntil) await tx.update(users).set({ failedCount: 0, lockedUntil: null }).where(eq(users.id, row.id));
      return { ok: true };
    }
    const next = afterFailure(state.failedCount, now, policy.login);
    await tx.update(users).set({ failedCount: next.failedCount, lockedUntil: next.lockedUntil }).where(eq(users.id, row.id));
    audit.push({
      actor: row.id,
      action: failedAction,
      payload: { ...extra, reason: 'wrong_password', failedCount: next.failedCount },
      occurredAt: now,
    });
    if (next.lockedNow && next.lockedUntil) {
      audit.push({
        actor: 'system',
        action: 'account.locked',
        payload: { userId: row.id, until: next.lockedUntil.toISOString(), failedCount: next.failedCount },
        occurredAt: now,
      });
    }
    return { ok: false, failedCount: next.failedCount, lockedNow: next.lockedNow };
  }

  async function login(input: { username: string; password: string }): Promise<SessionInfo & { token: string }> {
    const user = await findUserByUsername(db, input.username);
    const passwordOk = await verifyPassword(input.password, user && !user.disabled ? user.passwordHash : await dummyHash);
    const attempt = await auditedTransaction(async (tx, audit): Promise<Attempt & { policy: Policy }> => {
      const now = clock.now();
      const policy = await getPolicy(tx);
      if (!user) return { ok: false, failedCount: await failUnknown(tx, audit, input.username, now, policy), policy };
      const settled = await settle(tx, audit, user, passwordOk, now, policy, 'login.failed');
      if (!settled.ok) return { ...settled, policy };
      const { token, tokenHash } = newSessionToken();
      const expiresAt = new Date(now.getTime() + policy.session.maxHours * 3_600_000);
      const sessionId = randomUUID();
      await tx.insert(sessions).values({ id: sessionId, tokenHash, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt });
      audit.push({ actor: user.id, action: 'login.succeeded', payload: { sessionId }, occurredAt: now });
      return { ok: true, result: { ...sessionInfo(toConsoleUser(user), expiresAt, policy), token }, policy };
    });
    if (!attempt.ok) return answerFailure(attempt.failedCount, attempt.policy);
    return attempt.result;
  }

  /** Resolves a bearer token to its principal and slides the idle timer; null when unknown, ended, expired or idle. */
  async function authenticate(token: string): Promise<Principal | null> {
    const now = clock.now();
    const policy = await getPolicy(db);
    const idleCutoff = new Date(now.getTime() - policy.session.idleMinutes * 60_000);
    const [row] = await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .from(users)
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          eq(users.id, sessions.userId),
          isNull(sessions.endedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.lastSeenAt, idleCutoff),
          eq(users.disabled, false),
        ),
      )
      .returning({ sessionId: sessions.id, userId: users.id, username: users.username, role: users.role });
    return row ?? null;
  }

  async function loadSession(principal: Principal) {
    const [row] = await db
      .select({ expiresAt: sessions.expiresAt, id: users.id, username: users.username, displayName: users.displayName, role: users.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, principal.sessionId));
    if (!row) throw new ApiError(401, errorCodes.unauthenticated, 'Sign in to continue.');
    return row;
  }

  async function getSession(principal: Principal): Promise<SessionInfo> {
    const row = await loadSession(principal);
    return sessionInfo(toConsoleUser(row), row.expiresAt, await getPolicy(db));
  }

  async function endSession(tx: Tx, audit: AuditEventInput[], principal: Principal, reason: string, now: Date): Promise<boolean> {
    const ended = await tx
      .update(sessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(sessions.id, principal.sessionId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    if (ended.length > 0) {
      audit.push({ actor: principal.userId, action: 'session.ended', payload: { sessionId: principal.sessionId, reason }, occurredAt: now });
    }
    return ended.length > 0;
  }

  async function logout(principal: Principal): Promise<{ ok: true }> {
    await auditedTransaction((tx, audit) => endSession(tx, audit, principal, 'logout', clock.now()));
    return { ok: true };
  }

  /** The console locked itself; the signed-in user types their password. Failures count towards the lockout. */
  async function unlockSession(principal: Principal, password: string): Promise<SessionInfo> {
    const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
    if (!user) throw new ApiError(401, errorCodes.unauthenticated, 'Sign in to continue.');
    const passwordOk = await verifyPassword(password, user.passwordHash);
    const outcome = await auditedTransaction(async (tx, audit) => {
      const now = clock.now();
      const policy = await getPolicy(tx);
      const extra = { sessionId: principal.sessionId };
      const settled = await settle(tx, audit, user, passwordOk, now, policy, 'session.unlock_failed', extra);
      if (settled.ok) {
        audit.push({ actor: user.id, action: 'session.unlocked', payload: extra, occurredAt: now });
        return { ...settled, policy, ended: false };
      }
      // A locked account keeps no open session: the console has to sign in again once the lock ends.
      const ended = settled.failedCount >= policy.login.lockAfterFailures && (await endSession(tx, audit, principal, 'locked_out', now));
      return { ...settled, policy, ended };
    });
    if (!outcome.ok) {
      const delay = failureDelayMs(outcome.failedCount, outcome.policy.login);
      if (delay > 0) await sleep(delay);
      if (outcome.ended) throw new ApiError(401, errorCodes.unauthenticated, 'Too many wrong passwords: the account is locked for a while.');
      throw new ApiError(400, errorCodes.invalidCredentials, 'Wrong password.');
    }
    return getSession(principal);
  }

  return { login, logout, getSession, unlockSession, authenticate };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
