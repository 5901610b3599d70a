import { hash } from 'node:crypto';
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
