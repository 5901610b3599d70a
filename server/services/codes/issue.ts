// Issue an activation code for a passed verification: once per verification, by the agent who ran it,
// for a person with MitID, and not when the mobile number is new. The clear code goes to the SMS
// gateway and nowhere else; the database keeps its HMAC.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { maskCpr } from '../../../shared/domain/cpr/index';
import { ApiError, errorCodes, type VerificationView } from '../../../shared/api/index';
import { getPolicy } from '../../db/policy';
import { registerMitid } from '../../db/schema/register';
import { activationCodes, verifications } from '../../db/schema/verifications';
import type { Tx } from '../../db/types';
import type { Principal } from '../principal';
import type { SmsMessage, SmsResult } from '../sms/sms-gateway';
import { toVerificationView } from '../verification/view';
import { liveCodeWhere, revokeReasons } from './code-status';
import { codeViewFor } from './code-view';
import { generateCode, groupCode } from './code-secret';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { CodesDeps } from './deps';
import { conflict, notFound } from './errors';
import { maskMobile } from './mask';
import { expireDueCosign } from '../cosign/expire';
import { cosignGate } from '../cosign/gate';
import { cosignViewFor } from '../cosign/store';

const dayMs = 86_400_000;

export function smsText(code: string, lifetimeMinutes: number): string {
  return (
    `Din aktiveringskode til MitID er ${groupCode(code)}. Den gælder i ${lifetimeMinutes} minutter og kun én gang. ` +
    'Giv aldrig koden til andre, heller ikke til MitID Support.'
  );
}

/** Referrals after which asking for a code again simply shows the outcome. */
const quietReferrals = new Set<string>(['mobile_recently_changed', 'cosign_denied', 'cosign_timeout']);

interface Issuer {
  agentId: string;
  actor: string;
}

interface Pending {
  message: SmsMessage;
  cprMasked: string;
}

export function createIssue(deps: CodesDeps) {
  const { clock, sms, notifier } = deps;

  /** The gateway's answer, recorded: sent (and the person notified) or revoked as delivery_failed. */
  async function recordDelivery(tx: Tx, audit: AuditEventInput[], actor: string, p: Pending, result: SmsResult, verificationId: string): Promise<void> {
    const now = clock.now();
    const base = { actor, subjectHmac: p.message.subjectHmac, verificationId, occurredAt: now };
    if (result.ok) {
      await tx.update(activationCodes).set({ deliveryStatus: 'sent' }).where(eq(activationCodes.id, p.message.codeId));
      await notifier.notify(tx, {
        kind: 'code_issued',
        recipientMasked: p.cprMasked,
        mitidUserId: p.message.mitidUserId,
        subjectHmac: p.message.subjectHmac,
        at: now,
      });
      audit.push({ ...base, action: 'code.sent', payload: { codeId: p.message.codeId, gateway: sms.kind } });
      return;
    }
    // Not "sent": the code is revoked so it can never be redeemed, and the agent sees delivery_failed.
    await tx
      .update(activationCodes)
      .set({ deliveryStatus: 'delivery_failed', revokedAt: now, revokeReason: revokeReasons.deliveryFailed, revokedBy: 'system' })
      .where(eq(activationCodes.id, p.message.codeId));
    audit.push({
      ...base,
      action: 'code.delivery_failed',
      payload: { codeId: p.message.codeId, gateway: sms.kind, failure: result.failure, ...(result.status ? { status: result.status } : {}) },
    });
  }

  /**
   * Everything up to the SMS, in one transaction that holds the verification row. `who.agentId` is the
   * agent who ran the call; `who.actor` asks for the code (that agent, or the supervisor who co-signs).
   */
  async function prepare(tx: Tx, audit: AuditEventInput[], verificationId: string, who: Issuer): Promise<Pending | null> {
    const now = clock.now();
    const [v] = await tx.select().from(verifications).where(eq(verifications.id, verificationId)).for('update');
    // Another agent's verification answers like a missing one: no probing of ids.
    if (!v || v.agentId !== who.agentId) throw notFound();
    const [existing] = await tx.select({ id: activationCodes.id }).from(activationCodes).where(eq(activationCodes.verificationId, v.id));
    if (existing) return null;
    if (v.status === 'refer' && v.outcomeReason && quietReferrals.has(v.outcomeReason)) return null;
    if (v.status !== 'passed' || !v.identified || !v.cprSealed || !v.subjectHmac) {
      throw conflict('An activation code can only be issued for a verification the caller has passed.');
    }
    const fullPolicy = await getPolicy(tx);
    const policy = fullPolicy.codes;
    const passedAt = v.endedAt ?? v.lastActivityAt;
    if (now.getTime() - passedAt.getTime() > policy.issueWithinMinutes * 60_000) {
      throw conflict(`The verification passed more than ${policy.issueWithinMinutes} minutes ago: verify the caller again.`);
    }
    const cpr = deps.unsealCpr(v.cprSealed);
    const [mitid] = await tx.select().from(registerMitid).where(eq(registerMitid.cpr, cpr));
    if (!mitid) throw conflict('The person has no MitID user ID: refer them to Borgerservice.');
    const base = { actor: who.actor, subjectHmac: v.subjectHmac, verificationId: v.id, occurredAt: now };

    if (now.getTime() - mitid.mobileRegisteredAt.getTime() < policy.mobileQuarantineDays * dayMs) {
      await tx
        .update(verifications)
        .set({ status: 'refer', outcomeReason: 'mobile_recently_changed', endedAt: v.endedAt ?? now, version: sql`${verifications.version} + 1` })
        .where(eq(verifications.id, v.id));
      audit.push({ ...base, action: 'verification.referred', payload: { reason: 'mobile_recently_changed', quarantineDays: policy.mobileQuarantineDays } });
      return null;
    }

    // Co-sign sits here: after every check that can refuse or refer on its own, before any code exists.
    if ((await cosignGate(tx, audit, v, { policy: fullPolicy, now, actor: who.actor })) === 'waiting') return null;

    // The newest code wins: older live codes of this MitID user stop working now.
    const superseded = await tx
      .update(activationCodes)
      .set({ revokedAt: now, revokeReason: revokeReasons.superseded, revokedBy: 'system' })
      .where(and(eq(activationCodes.mitidUserId, mitid.userId), liveCodeWhere(now)))
      .returning({ id: activationCodes.id, verificationId: activationCodes.verificationId });

    const code = generateCode(policy);
    const codeId = randomUUID();
    const maskedMobile = maskMobile(mitid.mobileNumber);
    const expiresAt = new Date(now.getTime() + policy.lifetimeMinutes * 60_000);
    await tx.insert(activationCodes).values({
      id: codeId,
      verificationId: v.id,
      mitidUserId: mitid.userId,
      subjectHmac: v.subjectHmac,
      codeHmac: deps.hashCode(mitid.userId, code),
      issuedBy: who.agentId,
      issuedAt: now,
      expiresAt,
      maxAttempts: policy.maxAttempts,
      deliveryStatus: 'sending',
      maskedMobile,
    });
    for (const s of superseded) {
      audit.push({ ...base, verificationId: s.verificationId, action: 'code.superseded', payload: { codeId: s.id, byCodeId: codeId } });
    }
    audit.push({
      ...base,
      action: 'code.issued',
      payload: { codeId, expiresAt: expiresAt.toISOString(), maxAttempts: policy.maxAttempts, length: policy.length, alphabet: policy.alphabet },
    });
    const message: SmsMessage = {
      to: mitid.mobileNumber,
      toMasked: maskedMobile,
      body: smsText(code, policy.lifetimeMinutes),
      idempotencyKey: codeId,
      mitidUserId: mitid.userId,
      subjectHmac: v.subjectHmac,
      codeId,
      at: now,
    };
    return { message, cprMasked: maskCpr(cpr) };
  }

  async function view(verificationId: string): Promise<VerificationView> {
    const [row] = await deps.db.select().from(verifications).where(eq(verifications.id, verificationId));
    if (!row) throw notFound();
    return toVerificationView(row, null, await codeViewFor(deps.db, verificationId, clock.now()), await cosignViewFor(deps.db, verificationId));
  }

  /**
   * Issues and sends the code. `before` runs first in the same transaction (a co-sign approval, which
   * must win its conditional UPDATE or throw), so the approval and the code commit together or not at all.
   */
  async function issueAs(verificationId: string, who: Issuer, before?: (tx: Tx, audit: AuditEventInput[]) => Promise<void>): Promise<void> {
    if (sms.kind === 'sandbox' && !(await deps.isSandbox())) {
      throw new ApiError(503, errorCodes.unavailable, 'No SMS gateway is configured (SMS_GATEWAY_URL): only a sandbox register may use the sandbox phone.');
    }
    const pending = await deps.transaction(async (tx) => {
      const audit: AuditEventInput[] = [];
      // A request whose time ran out is a referral before anything else is decided.
      await expireDueCosign(tx, audit, clock.now(), verificationId);
      if (before) await before(tx, audit);
      const p = await prepare(tx, audit, verificationId, who);
      // The sandbox outbox commits with the code; a remote gateway is called after the commit.
      if (p && sms.inTransaction) await recordDelivery(tx, audit, who.actor, p, await sms.send(p.message, tx), verificationId);
      await appendAuditEvents(tx, audit);
      return p;
    });
    if (pending && !sms.inTransaction) {
      const result = await sms.send(pending.message, null);
      await deps.transaction(async (tx) => {
        const audit: AuditEventInput[] = [];
        await recordDelivery(tx, audit, who.actor, pending, result, verificationId);
        await appendAuditEvents(tx, audit);
      });
    }
  }

  return {
    /** The agent's request: the code is sent, or waits for co-sign, or the call is referred. */
    async issueActivationCode(verificationId: string, principal: Principal): Promise<VerificationView> {
      await issueAs(verificationId, { agentId: principal.userId, actor: principal.userId });
      return view(verificationId);
    },
    /** A supervisor's approval (server/services/cosign/decide.ts): `approve` wins the request or throws. */
    async issueApproved(verificationId: string, agentId: string, supervisorId: string, approve: (tx: Tx, audit: AuditEventInput[]) => Promise<void>): Promise<void> {
      await issueAs(verificationId, { agentId, actor: supervisorId }, approve);
    },
  };
}
export type IssueService = ReturnType<typeof createIssue>;
