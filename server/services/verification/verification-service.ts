// The verification engine: identify the caller, check the limits, draw questions from the register, score
// answers one at a time, decide. Every step is written with its audit event in one transaction.
import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { MyVerification, OutcomeReason, ParsedInput, VerificationStatus, VerificationView } from '../../../shared/api/index';
import { ApiError, errorCodes } from '../../../shared/api/index';
import { maskCpr } from '../../../shared/domain/cpr/index';
import type { Clock } from '../../clock';
import { getPolicy, verificationPolicySchema, type VerificationPolicy } from '../../db/policy';
import { activationCodes, verificationQuestions, verifications } from '../../db/schema/verifications';
import type { Database, Tx } from '../../db/types';
import type { Principal } from '../../http/context';
import type { Secrets } from '../../secrets';
import { appendAuditEvent, appendAuditEvents } from '../audit/append';
import { auditLater } from '../audit/audit-later';
import type { SubjectHmac } from '../audit/subject-hmac';
import type { RegisterPort } from '../register/port';
import { tablesRegisterPort } from '../register/tables-adapter';
import { createCprSealer } from '../sealing';
import { lockAttempts, recentFailures } from './attempt-limits';
import { buildCandidates, type Pick } from './candidates';
import { codeStatusOf } from './code-view';
import { copenhagenDate, startOfCopenhagenDay } from './copenhagen-day';
import { addAnswer, decide } from './decide';
import { drawQuestions } from './draw';
import { expectedAnswer, factPartsFor, scoreAgainst } from './expected-answer';
import { claimedCprDigits, claimedSubjectCpr, identify, normaliseDocumentNumber } from './identify';
import { emptyPlan, readPlan, type PlannedQuestion, type VerificationPlan } from './plan';
import { questionKinds } from './question-kinds';
import { loadPersonFacts } from './register-facts';
import { expireIfDue, loadOwned, notFoundMessage, viewOf } from './store';
import { recordVelocitySignals } from './velocity';
import { toVerificationView, type QuestionRow, type VerificationRow } from './view';

export interface VerificationServiceDeps {
  db: Database;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  clock: Clock;
  secrets: Secrets;
  subjectHmac: SubjectHmac;
  /** Picks one of several items; node:crypto by default. */
  pick?: Pick;
  /** Where register facts come from; the register tables (sandbox or imported extract) by default. */
  register?: RegisterPort;
}

const minute = 60_000;
const hour = 60 * minute;

/** The two agents raced on one verification and the other one advanced it first. */
class LostRace extends Error {}

const cryptoPick: Pick = (items) => {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[randomInt(items.length)] as (typeof items)[number];
};

export function createVerificationService(deps: VerificationServiceDeps) {
  const { transaction, clock, subjectHmac } = deps;
  const pick = deps.pick ?? cryptoPick;
  const register = deps.register ?? tablesRegisterPort();
  const sealer = createCprSealer(deps.secrets);
  const documentKey = deps.secrets.deriveKey('document-number');
  const documentHmac = (type: string, number: string) =>
    createHmac('sha256', documentKey).update(`${type}:${normaliseDocumentNumber(number)}`).digest('hex');

  async function start(input: ParsedInput<'startVerification'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    // A CPR number that cannot exist is a typing error: 400 before anything counts as an attempt.
    if (input.caller.kind === 'cpr') claimedCprDigits(input.caller.cpr);
    const docHmac = documentHmac(input.document.type, input.document.number);
    return transaction(async (tx) => {
      const policy = (await getPolicy(tx)).verification;
      const reader = register.open(tx);
      const cpr = await claimedSubjectCpr(reader, input.caller);
      const subject = cpr ? subjectHmac(cpr) : null;
      await lockAttempts(tx, subject, docHmac);

      const id = randomUUID();
      // Collected and appended together at the end: the appender's lock is then held only until the commit.
      const auditEvents = auditLater();
      const audit = (action: string, payload: Record<string, unknown>) =>
        auditEvents.add({ actor: principal.userId, action, subjectHmac: subject, verificationId: id, payload, occurredAt: now });
      const base = {
        id,
        agentId: principal.userId,
        callLanguage: input.callLanguage,
        documentType: input.document.type,
        documentHmac: docHmac,
        subjectHmac: subject,
        cprSealed: cpr ? sealer.seal(cpr) : null,
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
      const outcomeEvents: [string, Record<string, unknown>][] = [];
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
          const drawn = facts ? drawQuestions(buildCandidates(facts, pick), policy.questionCount + policy.extraQuestions, pick) : [];
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
      const [saved] = await tx.insert(verifications).values(row).returning();
      if (firstQuestion) await tx.insert(verificationQuestions).values(firstQuestion);
      audit('verification.started', {
        claim: input.caller.kind,
        documentType: input.document.type,
        callLanguage: input.callLanguage,
        policy: policy as unknown as Record<string, unknown>,
      });
      for (const [action, payload] of outcomeEvents) audit(action, payload);
      await recordVelocitySignals(tx, {
        verificationId: id,
        subjectHmac: subject,
        documentHmac: docHmac,
        actor: principal.userId,
        now,
        personSince: new Date(now.getTime() - policy.personAgentsWindowMinutes * minute),
        documentSince: new Date(now.getTime() - policy.documentPersonsWindowHours * hour),
      }, auditEvents);
      await auditEvents.flush(tx);
      return toVerificationView(saved as VerificationRow, firstQuestion);
    });
  }

  async function get(input: ParsedInput<'getVerification'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    return transaction(async (tx) => {
      const row = await expireIfDue(tx, await loadOwned(tx, input.id, principal.userId), now);
      return viewOf(tx, row, now);
    });
  }

  async function answer(input: ParsedInput<'answerQuestion'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    try {
      return await transaction((tx) => answerIn(tx, input, principal, now));
    } catch (error) {
      // The other agent's answer advanced it first: this one is not scored; both see the same state.
      if (error instanceof LostRace) return get({ id: input.id }, principal);
      throw error;
    }
  }

  async function answerIn(tx: Tx, input: ParsedInput<'answerQuestion'>, principal: Principal, now: Date): Promise<VerificationView> {
    // The verification (if this agent's) and the question answered, in one round trip.
    const [found] = await tx
      .select({ v: verifications, q: verificationQuestions })
      .from(verifications)
      .leftJoin(
        verificationQuestions,
        and(eq(verificationQuestions.verificationId, verifications.id), eq(verificationQuestions.questionId, input.questionId)),
      )
      .where(and(eq(verifications.id, input.id), eq(verifications.agentId, principal.userId)));
    if (!found) throw new ApiError(404, errorCodes.notFound, notFoundMessage);
    const row = await expireIfDue(tx, found.v, now);
    const q = found.q;
    if (!q) throw new ApiError(404, errorCodes.notFound, 'No such question in this verification.');
    // Sent again (a retry, a double click) or too late: the current state, scored once only.
    if (q.answeredAt !== null || row.status !== 'in_progress') return viewOf(tx, row, now);

    const policy = snapshotPolicy(row);
    const plan = readPlan(row.plan);
    const planned = plan.questions[q.seq - 1];
    let score = 0;
    if (input.answer.kind === 'text' && planned && row.cprSealed) {
      const facts = await loadPersonFacts(register.open(tx), sealer.unseal(row.cprSealed), subjectHmac, copenhagenDate(now), factPartsFor(planned));
      const expected = facts ? expectedAnswer(planned, facts) : null;
      // The text is scored here and goes nowhere else.
      score = expected ? scoreAgainst(input.answer.text, expected, now.getUTCFullYear()) : 0;
    }
    const tally = addAnswer(
      { answered: row.answeredCount, correct: row.correctCount, scoreWeight: row.scoreWeight, totalWeight: row.totalWeight },
      q.strength,
      score,
    );
    const decision = decide(
      tally,
      plan.questions.slice(q.seq).map((p) => p.strength),
      policy,
    );
    const [updated] = await tx
      .update(verifications)
      .set({
        answeredCount: tally.answered,
        correctCount: tally.correct,
        scoreWeight: tally.scoreWeight,
        totalWeight: tally.totalWeight,
        version: row.version + 1,
        lastActivityAt: now,
        expiresAt: new Date(now.getTime() + policy.timeoutMinutes * minute),
        ...(decision.next === 'end' ? { status: decision.status, outcomeReason: decision.reason, endedAt: now } : {}),
      })
      .where(and(eq(verifications.id, row.id), eq(verifications.version, row.version), eq(verifications.status, 'in_progress')))
      .returning();
    if (!updated) throw new LostRace();
    const timeTakenMs = Math.max(0, now.getTime() - q.askedAt.getTime());
    await tx
      .update(verificationQuestions)
      .set({ answeredAt: now, score, dontKnow: input.answer.kind === 'dont_know', timeTakenMs })
      .where(and(eq(verificationQuestions.verificationId, row.id), eq(verificationQuestions.seq, q.seq)));
    const next = decision.next === 'ask' ? questionRow(row.id, q.seq + 1, plan.questions[q.seq] as PlannedQuestion, now) : null;
    if (next) await tx.insert(verificationQuestions).values(next);

    // The audit events last, in one append: the appender's lock is then held only until the commit.
    const event = (action: string, payload: Record<string, unknown>) => ({ actor: principal.userId, action, subjectHmac: row.subjectHmac, verificationId: row.id, payload, occurredAt: now });
    const events = [
      event('verification.answer_scored', {
        seq: q.seq,
        kind: q.kind,
        strength: q.strength,
        score,
        dontKnow: input.answer.kind === 'dont_know',
        timeTakenMs,
      }),
    ];
    if (next) {
      events.push(event('verification.question_asked', askedPayload(next)));
    } else if (decision.next === 'end') {
      events.push(
        event(`verification.${decision.status}`, {
          status: decision.status,
          reason: decision.reason,
          answered: tally.answered,
          correct: tally.correct,
          weightShare: tally.totalWeight > 0 ? Math.round((tally.scoreWeight / tally.totalWeight) * 1000) / 1000 : 0,
        }),
      );
    }
    await appendAuditEvents(tx, events);
    // Just passed, so no code yet; or the question just inserted.
    return toVerificationView(updated, next);
  }

  async function abort(input: ParsedInput<'abortVerification'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    for (;;) {
      const view = await transaction(async (tx) => {
        const row = await expireIfDue(tx, await loadOwned(tx, input.id, principal.userId), now);
        if (row.status !== 'in_progress') return viewOf(tx, row, now);
        const [updated] = await tx
          .update(verifications)
          .set({ status: 'aborted', outcomeReason: input.reason, abortNote: input.note ?? null, endedAt: now, version: row.version + 1 })
          .where(and(eq(verifications.id, row.id), eq(verifications.version, row.version), eq(verifications.status, 'in_progress')))
          .returning();
        // An answer got in between: read again and abort what it left.
        if (!updated) return null;
        await appendAuditEvent(tx, {
          actor: principal.userId,
          action: 'verification.aborted',
          subjectHmac: row.subjectHmac,
          verificationId: row.id,
          // The note is free text and may name the caller: it stays on the row, out of the log.
          payload: { status: 'aborted', reason: input.reason, withNote: Boolean(input.note), answered: row.answeredCount },
          occurredAt: now,
        });
        return viewOf(tx, updated, now);
      });
      if (view) return view;
    }
  }

  async function listMine(principal: Principal): Promise<{ items: MyVerification[] }> {
    const now = clock.now();
    return transaction(async (tx) => {
      const due = await tx
        .select()
        .from(verifications)
        .where(and(eq(verifications.agentId, principal.userId), eq(verifications.status, 'in_progress'), lte(verifications.expiresAt, now)));
      for (const row of due) await expireIfDue(tx, row, now);
      const rows = await tx
        .select({ v: verifications, code: activationCodes })
        .from(verifications)
        .leftJoin(activationCodes, eq(activationCodes.verificationId, verifications.id))
        .where(and(eq(verifications.agentId, principal.userId), gte(verifications.startedAt, startOfCopenhagenDay(now))))
        .orderBy(desc(verifications.startedAt), desc(verifications.id));
      return {
        items: rows.map(({ v, code }) => ({
          id: v.id,
          startedAt: v.startedAt.toISOString(),
          endedAt: v.endedAt ? v.endedAt.toISOString() : null,
          status: v.status as MyVerification['status'],
          outcome: (v.outcomeReason as MyVerification['outcome']) ?? null,
          maskedCpr: v.identified ? v.maskedCpr : null,
          documentType: v.documentType as MyVerification['documentType'],
          codeStatus: codeStatusOf(code, now),
        })),
      };
    });
  }

  return { start, get, answer, abort, listMine };
}

export type VerificationService = ReturnType<typeof createVerificationService>;

/** The policy the verification started under (defaults fill anything a later version added). */
function snapshotPolicy(row: VerificationRow): VerificationPolicy {
  return verificationPolicySchema.parse(row.policy);
}

/** A question as asked: the row to insert, and what the view shows until it is answered. */
function questionRow(verificationId: string, seq: number, q: PlannedQuestion, now: Date): QuestionRow {
  return {
    verificationId,
    seq,
    questionId: randomUUID(),
    kind: q.kind,
    answerFormat: questionKinds[q.kind].answerFormat,
    params: q.params,
    strength: q.strength,
    askedAt: now,
    answeredAt: null,
    score: null,
    dontKnow: null,
    timeTakenMs: null,
  };
}

function askedPayload(q: typeof verificationQuestions.$inferInsert): Record<string, unknown> {
  return { seq: q.seq, kind: q.kind, strength: q.strength };
}


