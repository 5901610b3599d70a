import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

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

const str = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/**
 * The exact bytes hashed after prev_hash: the canonical JSON of the event. Spelled out with the keys
 * in canonical order (equal to canonicalJson of the same object, which a test checks) because the
 * verifier runs it for every event.
 */
export function eventBytes(e: ChainedFields): string {
  const at = typeof e.occurredAt === 'string' ? e.occurredAt : e.occurredAt.toISOString();
  return (
    `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"occurredAt":${JSON.stringify(at)},` +
    `"payload":${canonicalJson(e.payload)},"seq":${canonicalJson(e.seq)},"subjectHmac":${str(e.subjectHmac)},"verificationId":${str(e.verificationId)}}`
  );
}

/** hash = SHA-256(prev_hash || canonical JSON of the event), hex. */
export function chainHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(eventBytes(e)).digest('hex');
}
