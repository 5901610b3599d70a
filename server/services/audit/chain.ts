import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first event. */
export const genesisHash = '0'.repeat(64);

/** The fields of an event that its hash covers (everything but prev_hash and hash themselves). */
export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actor: string;
  action: string;
  subjectHmac: string | null;
  verificationId: string | null;
  payload: Record<string, unknown>;
}

/** The exact bytes hashed after prev_hash; shared by append and verify so they cannot drift apart. */
export function eventBytes(e: ChainedFields): string {
  return canonicalJson({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actor: e.actor,
    action: e.action,
    subjectHmac: e.subjectHmac,
    verificationId: e.verificationId,
    payload: e.payload,
  });
}

/** hash = SHA-256(prev_hash || canonical JSON of the event), hex. */
export function chainHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(eventBytes(e)).digest('hex');
}
