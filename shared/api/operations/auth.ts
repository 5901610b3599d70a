// Sign-in, sign-out and the session (issue: Support API).
import { z } from 'zod';
import { defineOperation, emptyInputSchema, roleSchema } from '../define';

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'at least 3 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, dash and underscore only');

/** Console passwords (agents and supervisors), not MitID passwords. */
export const consolePasswordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const consoleUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export const sessionInfoSchema = z.object({
  user: consoleUserSchema,
  /** Absolute end of the session (8 hours after sign-in, policy). */
  expiresAt: z.iso.datetime(),
  /** The console locks itself after this many seconds without activity (policy). */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const login = defineOperation({
  name: 'login',
  method: 'POST',
  path: '/api/session',
  summary: 'Sign in. Wrong username and wrong password give the same answer.',
  access: 'public',
  // The password is not checked against the policy here: a sign-in only compares it.
  input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
  output: sessionInfoSchema.extend({ token: z.string() }),
  issuesToken: true,
});

export const logout = defineOperation({
  name: 'logout',
  method: 'DELETE',
  path: '/api/session',
  summary: 'End the current session.',
  access: ['agent', 'supervisor'],
  input: emptyInputSchema,
  output: z.object({ ok: z.literal(true) }),
  endsSession: true,
});

export const getSession = defineOperation({
  name: 'getSession',
  method: 'GET',
  path: '/api/session',
  summary: 'The signed-in user and the session limits; 401 when the session has ended.',
  access: ['agent', 'supervisor'],
  input: emptyInputSchema,
  output: sessionInfoSchema,
});

export const unlockSession = defineOperation({
  name: 'unlockSession',
  method: 'POST',
  path: '/api/session/unlock',
  summary: 'Unlock a console that locked itself: the signed-in user types their password again.',
  access: ['agent', 'supervisor'],
  input: z.object({ password: z.string().min(1).max(256) }),
  output: sessionInfoSchema,
});

export const authOperations = { login, logout, getSession, unlockSession } as const;
