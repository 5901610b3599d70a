// The audit witness: signed checkpoints of the chain head, appended to a file outside the database
// (AUDIT_WITNESS_DIR; embedded: `audit-witness` in the data folder). Someone who can write the
// database cannot touch it, so truncating the log's tail or re-chaining it shows against the witness:
// the log must reach every checkpoint's seq with the same hash, and every event after the first
// checkpoint must carry a keyed link (the old plain SHA-256 part is covered by that first checkpoint).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '../../db/schema/audit';
import type { Database } from '../../db/types';
import { canonicalJson } from './canonical-json';
import { genesisHash } from './chain';

export const witnessFileName = 'checkpoints.jsonl';
const witnessFormat = 'mitid-support-audit-witness/1';

const witnessLineSchema = z.object({
  format: z.literal(witnessFormat),
  seq: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  signature: z.string(),
});
export type WitnessLine = z.infer<typeof witnessLineSchema>;

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const signedBytes = (l: Omit<WitnessLine, 'signature'>) =>
  Buffer.from(canonicalJson({ format: l.format, seq: l.seq, headHash: l.headHash, createdAt: l.createdAt }));

export async function chainHead(db: Database): Promise<{ seq: number; hash: string }> {
  const [head] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return head ?? { seq: 0, hash: genesisHash };
}

export type WitnessRead =
  | { ok: true; lines: WitnessLine[] }
  | { ok: false; problem: 'missing' | 'altered'; line: number | null; reason: string };

/** Reads and checks every line: format, and a signature by this server's audit key. */
export function readWitness(dir: string, publicKey: KeyObject): WitnessRead {
  const file = path.join(dir, witnessFileName);
  if (!existsSync(file)) return { ok: false, problem: 'missing', line: null, reason: `the witness ${file} does not exist` };
  const text = readFileSync(file, 'utf8');
  const lines: WitnessLine[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const rawLine = raw[i] as string;
    if (rawLine.trim() === '') continue;
    let parsed: WitnessLine;
    try {
      parsed = witnessLineSchema.parse(JSON.parse(rawLine));
    } catch {
      return { ok: false, problem: 'altered', line: i + 1, reason: `witness line ${i + 1} is not a checkpoint` };
    }
    if (!verify(null, signedBytes(parsed), publicKey, Buffer.from(parsed.signature, 'base64'))) {
      return { ok: false, problem: 'altered', line: i + 1, reason: `witness line ${i + 1} does not carry this server's signature (changed or forged)` };
    }
    lines.push(parsed);
  }
  if (lines.length === 0) return { ok: false, problem: 'missing', line: null, reason: `the witness ${file} holds no checkpoint` };
  return { ok: true, lines };
}

/**
 * Appends a signed checkpoint of the committed head when it moved past the last one written by this
 * process (several instances may append to one witness: lines are whole, O_APPEND, order free).
 */
export function createWitnessWriter(options: { db: Database; dir: string; keys: SigningKeys; now: () => Date; beforeCheckpoint?: () => Promise<void> }) {
  let lastSeq = -1;
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, witnessFileName);
  return {
    file,
    async checkpoint(force = false): Promise<WitnessLine | null> {
      // Group commit: chain what is staged first, so the checkpoint covers every committed change.
      await options.beforeCheckpoint?.();
      const head = await chainHead(options.db);
      if (!force && head.seq <= lastSeq) return null;
      const body = { format: witnessFormat, seq: head.seq, headHash: head.hash, createdAt: options.now().toISOString() } as const;
      const line: WitnessLine = { ...body, signature: sign(null, signedBytes(body), options.keys.privateKey).toString('base64') };
      appendFileSync(file, `${JSON.stringify(line)}\n`, { flag: 'a', mode: 0o600 });
      lastSeq = head.seq;
      return line;
    },
  };
}

/** The public key's DER, for comparing witness lines with the server's key. */
export function publicKeyOf(keys: SigningKeys): KeyObject {
  return createPublicKey(keys.privateKey);
}
