// Signed audit checkpoints: the chain head (seq, hash) and a time, signed with the server's Ed25519
// key. Kept outside the system, a checkpoint proves later that the chain was not rewritten before it:
// the chain today must still lead, event by event from genesis, to the same hash at the same seq.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint } from '../../../shared/api/index';
import { canonicalJson } from '../audit/canonical-json';
import { auditChainKey, genesisHash, linkKind, type ChainedFields } from '../audit/chain';

export const checkpointFormat = 'mitid-support-audit-checkpoint/1' as const;

export type ChainEvent = ChainedFields & { prevHash: string; hash: string };

/** The signed bytes: everything but the key and the signature, in canonical JSON. */
export function checkpointMessage(c: Pick<AuditCheckpoint, 'format' | 'seq' | 'headHash' | 'createdAt'>): Buffer {
  return Buffer.from(canonicalJson({ format: c.format, seq: c.seq, headHash: c.headHash, createdAt: c.createdAt }));
}

export function signCheckpoint(head: { seq: number; hash: string }, at: Date, keys: { privateKey: KeyObject; publicKey: KeyObject }): AuditCheckpoint {
  const body = { format: checkpointFormat, seq: head.seq, headHash: head.hash, createdAt: at.toISOString() };
  return {
    ...body,
    publicKey: keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    signature: sign(null, checkpointMessage(body), keys.privateKey).toString('base64'),
  };
}

export function checkpointSignatureValid(c: AuditCheckpoint): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(c.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointProblem = 'signature' | 'other_key' | 'not_genesis' | 'missing' | 'prev_hash' | 'hash' | 'rewritten' | 'ends_before';
export type ExtendsResult = { ok: true; reason: null; problem: null; problemSeq: null } | { ok: false; reason: string; problem: CheckpointProblem; problemSeq: number | null };

const fail = (problem: CheckpointProblem, reason: string, problemSeq: number | null = null): ExtendsResult => ({ ok: false, reason, problem, problemSeq });
const pass: ExtendsResult = { ok: true, reason: null, problem: null, problemSeq: null };

/**
 * Pure: whether `events` (the chain from seq 1, in order; at least up to the checkpoint) extends the
 * checkpoint. The signature must verify, with the trusted key if one is given (a checkpoint signed
 * by any other key proves nothing about this server); every link up to the checkpoint must hold; and
 * the event at the checkpoint's seq must have the checkpoint's hash.
 */
export async function checkpointExtends(
  checkpoint: AuditCheckpoint,
  events: Iterable<ChainEvent> | AsyncIterable<ChainEvent>,
  options: { trustedPublicKey?: Buffer; key?: Buffer | null } = {},
): Promise<ExtendsResult> {
  if (!checkpointSignatureValid(checkpoint)) return fail('signature', 'the signature does not verify');
  if (options.trustedPublicKey && !Buffer.from(checkpoint.publicKey, 'base64').equals(options.trustedPublicKey)) {
    return fail('other_key', "the checkpoint was signed with another key than this server's");
  }
  if (checkpoint.seq === 0) return checkpoint.headHash === genesisHash ? pass : fail('not_genesis', 'an empty chain has the genesis hash', 0);
  let prevHash = genesisHash;
  let expected = 1;
  let keyedSeen = false;
  for await (const e of events) {
    if (e.seq !== expected) return fail('missing', `event ${expected} is missing`, expected);
    if (e.prevHash !== prevHash) return fail('prev_hash', `event ${e.seq}: prev_hash does not match the previous event`, e.seq);
    const kind = linkKind(options.key === undefined ? auditChainKey() : options.key, keyedSeen, prevHash, e, e.hash);
    if (kind === null) return fail('hash', `event ${e.seq}: hash does not match its content`, e.seq);
    if (kind === 'keyed') keyedSeen = true;
    if (e.seq === checkpoint.seq) {
      return e.hash === checkpoint.headHash ? pass : fail('rewritten', `event ${e.seq} has another hash than the checkpoint: the chain was rewritten`, e.seq);
    }
    prevHash = e.hash;
    expected += 1;
  }
  return fail('ends_before', `the chain ends before the checkpoint's event ${checkpoint.seq}`, checkpoint.seq);
}
