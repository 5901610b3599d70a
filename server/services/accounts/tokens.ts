import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 (hex) of a session token: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new opaque session token (32 random bytes, base64url), returned to the client once. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}
