// startVerification: who the caller claims to be, whether the document proves it, and the questions
// drawn for them. Every outcome is a row (and its audit events) in one transaction.
import { randomInt, randomUUID } from 'node:crypto';
import type { OutcomeReason, ParsedInput, VerificationStatus, VerificationView } from '../../../shared/api/index';
import type { AuditAction } from '../../../shared/domain/audit/index';
import { maskCpr } from '../../../shared/domain/cpr/index';
import { getPolicy } from '../../db/policy';
import type { verifications } from '../../db/schema/verifications';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { Principal } from '../principal';
import { lockAttempts, recentFailures } from './attempt-limits';
import type { Pick } from './candidates';
import { copenhagenDate } from './copenhagen-day';
import { hour, minute, type VerificationServiceDeps } from './deps';
import { drawPlan } from './draw';
import { claimedCprDigits, claimedSubjectCpr, identify } from './identify';
import { emptyPlan, type PlannedQuestion, type VerificationPlan } from './plan';
import { askedPayload, questionRow } from './questions';
import { loadPersonFacts } from './register-facts';
import { tablesRegisterPort } from '../register/tables-adapter';
import { phoneCallColumns } from './phone-call';
import { insertVerification } from './store';
import { recordVelocitySignals } from './velocity';
import { toVerificationView, type QuestionRow } from './view';

const cryptoPick: Pick = (items) => {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[randomInt(items.length)] as (typeof items)[number];
};

export function createStart(deps: VerificationServiceDeps) {
  const { transaction, clock, subjectHmac, cprSealer, documentHmac } = deps;
  const pick = deps.pick ?? cryptoPick;
  const register = deps.register ?? tablesRegisterPort();

  return async function start(input: ParsedInput<'startVerification'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    // A CPR number that cannot exist is a typing error: 400 before anything counts as an attempt.
    if (input.caller.kind === 'cpr') claimedCprDigits(input.caller.cpr);
    const docHmac = documentHmac(input.document.type, input.document.number);
    const id = randomUUID();
    const view = await transaction(async (tx) => {
      const policy = (await getPolicy(tx)).verification;
      // The register is read only through its port, on this transaction, for this call.
      const reader = register.open(tx, { id, until: new Date(now.getTime() + policy.timeoutMinutes * minute) });
      const cpr = await claimedSubjectCpr(reader, input.caller);
      const subject = cpr ? subjectHmac(cpr) : null;
      await lockAttempts(tx, subject, docHmac);

      // Collected and appended together at the end: the appender's lock is then held only until the commit.
      const auditEvents: AuditEventInput[] = [];
      const audit = (action: AuditAction, payload: Record<string, unknown>) =>
        auditEvents.push({ actor: principal.userId, action, subjectHmac: subject, verificationId: id, payload, occurredAt: now });
      const base = {
        id,
        agentId: principal.userId,
        callLanguage: input.callLanguage,
        documentType: input.document.type,
        documentHmac: docHmac,
        subjectHmac: subject,
        cprSealed: cpr ? cprSealer.seal(cpr) : null,
        maskedCpr: cpr ? maskCpr(cpr) : null,
        policy: policy as unknown as Record<string, unknown>,
        plan: emptyPlan,
        maxQuestions: policy.questionCount,
        startedAt: now,
        lastActivityAt: now,
        expiresAt: new Date(now.getTime() + policy.timeoutMinutes * minute),
      };
      const ended = (status: VerificationStatus, reason: OutcomeReason, identified: boolean) => ({ ...base, status, outcomeReason: reason, identified, endedAt: now });

      let row: typeof verifications.$inferInsert;
      let firstQuestion: QuestionRow | null = null;
      const outcomeEvents: [AuditAction, Record<string, unknown>][] = [];
      const failures = subject ? await recentFailures(tx, subject, new Date(now.getTime() - policy.lockoutWindowHours * hour)) : 0;
      if (failures >= policy.lockoutFailures) {
        // Limits first: a locked-out person's document is not even looked at.
        row = ended('refer', 'locked_out', false);
        outcomeEvents.push(['verification.locked_out', { status: 'refer', reason: 'locked_out', recentFailures: failures }]);
      } else {
        const identity = await identify(reader, cpr, input.document, copenhagenDate(now));
        if (!identity.ok) {
          row = ended('failed', 'identity_not_verified', false);
          outcomeEvents.push(['verification.identification_failed', { status: 'failed', reason: 'identity_not_verified', check: identity.check }]);
        } else if (identity.person.status !== 'active') {
          row = ended('refer', identity.person.status, true);
          outcomeEvents.push(['verification.referred', { status: 'refer', reason: identity.person.status }]);
        } else if (!identity.hasMitid) {
          row = ended('refer', 'no_mitid', true);
          outcomeEvents.push(['verification.referred', { status: 'refer', reason: 'no_mitid' }]);
        } else {
          const facts = await loadPersonFacts(reader, identity.person.cpr, subjectHmac, copenhagenDate(now));
          const drawn = facts ? drawPlan(facts, policy, pick) : [];
          const plan: VerificationPlan = {
            notices: identity.person.nameAddressProtection ? ['name_address_protection'] : [],
            questions: drawn.map(({ kind, params, strength, ref }) => ({ kind, params, strength, ref })),
          };
          if (drawn.length < policy.questionCount) {
            row = { ...ended('refer', 'insufficient_register_data', true), plan: { ...plan, questions: [] } };
            outcomeEvents.push(['verification.referred', { status: 'refer', reason: 'insufficient_register_data', available: drawn.length }]);
          } else {
            row = { ...base, plan, status: 'in_progress', identified: true, maxQuestions: drawn.length };
            firstQuestion = questionRow(id, 1, plan.questions[0] as PlannedQuestion, now);
            outcomeEvents.push(['verification.question_asked', askedPayload(firstQuestion)]);
          }
        }
      }
      if (input.phoneCall) row = { ...row, ...(await phoneCallColumns(reader, input.phoneCall, row.identified ? cpr : null)) };
      const saved = await insertVerification(tx, row, firstQuestion);
      audit('verification.started', {
        claim: input.caller.kind,
        documentType: input.document.type,
        callLanguage: input.callLanguage,
        policy: policy as unknown as Record<string, unknown>,
        // The call ID ties the audit log to the phone system's record; the number stays out (only its class).
        ...(row.callId ? { phoneCall: { callId: row.callId, callerNumber: row.callerNumber } } : {}),
      });
      for (const [action, payload] of outcomeEvents) audit(action, payload);
      await recordVelocitySignals(
        tx,
        {
          verificationId: id,
          subjectHmac: subject,
          documentHmac: docHmac,
          actor: principal.userId,
          now,
          personSince: new Date(now.getTime() - policy.personAgentsWindowMinutes * minute),
          documentSince: new Date(now.getTime() - policy.documentPersonsWindowHours * hour),
        },
        auditEvents,
      );
      await appendAuditEvents(tx, auditEvents);
      return toVerificationView(saved, firstQuestion);
    });
    // Ended at once (referred, not identified): nothing read for it is needed any more.
    if (view.status !== 'in_progress') register.endCall?.(id);
    return view;
  };
}
