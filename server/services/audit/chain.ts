import { createHmac, hash } from 'node:crypto';
import { canonicalJson, jsonString } from './canonical-json';

/** prev_hash of the first event. */
export const genesisHash = '0'.repeat(64);

/** The fields of an event that its hash covers (everything but prev_hash and hash themselves). */
export interface ChainedFields {
  seq: number;
  /** A Date, or its ISO 8601 form with milliseconds in UTC (what toISOString gives). */
  occurredAt: Date | string;
  actor: string;
  action: string;
  subjectHmac: string | null;
  verificationId: string | null;
  payload: Record<string, unknown>;
}

const str = (v: string | null) => (v === null ? 'null' : jsonString(v));

/**
 * The exact bytes hashed after prev_hash: the canonical JSON of the event. Spelled out with the keys
 * in canonical order (equal to canonicalJson of the same object, which a test checks) because the
 * verifier runs it for every event.
 */
export function eventBytes(e: ChainedFields): string {
  const at = typeof e.occurredAt === 'string' ? e.occurredAt : e.occurredAt.toISOString();
  return (
    `{"action":${jsonString(e.action)},"actor":${jsonString(e.actor)},"occurredAt":${jsonString(at)},` +
    `"payload":${canonicalJson(e.payload)},"seq":${canonicalJson(e.seq)},"subjectHmac":${str(e.subjectHmac)},"verificationId":${str(e.verificationId)}}`
  );
}

/**
 * hash = SHA-256(prev_hash || canonical JSON of the event), hex. One-shot crypto.hash over the
 * joined text: the same UTF-8 bytes as two updates (prev_hash is ASCII hex), at half the cost of a
 * Hash object for inputs this small.
 */
export function chainHash(prevHash: string, e: ChainedFields): string {
  return hash('sha256', prevHash + eventBytes(e), 'hex');
}

/**
 * The keyed link: HMAC-SHA256(key, prev_hash || canonical JSON of the event), hex. The key is derived
 * from the master secret, which the database never holds, so someone who can write the database but
 * not read the server's secret cannot recompute a link after an edit. Events chained before the keyed
 * chain existed keep their plain SHA-256 links (chainHash); the chain switches once, never back.
 */
export function keyedChainHash(key: Buffer, prevHash: string, e: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash + eventBytes(e)).digest('hex');
}

/** How an event's stored hash was made: 'keyed', 'plain', or null when neither matches its content. */
export function linkKind(key: Buffer | null, keyedSeen: boolean, prevHash: string, e: ChainedFields, stored: string): 'keyed' | 'plain' | null {
  if (key && keyedChainHash(key, prevHash, e) === stored) return 'keyed';
  if (!keyedSeen && chainHash(prevHash, e) === stored) return 'plain';
  return null;
}

// The key appends link with: set once by the composition root (from the master secret). Unset
// (tools that never load the secret), events are linked with plain SHA-256 as before.
let configuredKey: Buffer | null = null;

/** The chain key of a deployment, derived from its master secret. */
export function auditChainKeyOf(secrets: { deriveKey(purpose: string): Buffer }): Buffer {
  return secrets.deriveKey('audit-chain');
}

export function configureAuditChainKey(key: Buffer | null): void {
  configuredKey = key;
}

export function auditChainKey(): Buffer | null {
  return configuredKey;
}

/** The link an appender writes now. */
export function nextLinkHash(prevHash: string, e: ChainedFields): string {
  return configuredKey ? keyedChainHash(configuredKey, prevHash, e) : chainHash(prevHash, e);
}

/** The fields of an event before it has a seq (what audit_staging holds). */
export type StagedFields = Omit<ChainedFields, 'seq'>;

/**
 * The tag a staged event carries: HMAC-SHA256 under a key derived from the chain key (plain SHA-256
 * when none is configured, like the links). The chainer links only events whose tag holds, so someone
 * who can write audit_staging but not read the secret cannot make up an event and have it keyed in.
 */
export function stagedEventMac(e: StagedFields): string {
  const bytes = `staged\n${eventBytes({ ...e, seq: 0 })}`;
  return configuredKey ? createHmac('sha256', configuredKey).update(bytes).digest('hex') : hash('sha256', bytes, 'hex');
}
