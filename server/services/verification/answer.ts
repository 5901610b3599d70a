// answerQuestion: the answer is scored against the register and discarded; the tally decides whether
// to ask on or end. A retry or a late answer gets the current state, scored once only; two agents
// racing on one verification: the second sees the state the first left (compare-and-set on its version).
import { ApiError, errorCodes, type ParsedInput, type VerificationView } from '../../../shared/api/index';
import type { AuditAction } from '../../../shared/domain/audit/index';
import { verificationPolicySchema, type VerificationPolicy } from '../../../shared/domain/policy/index';
import type { Tx } from '../../db/types';
import { appendAuditEvents, type AuditEventInput } from '../audit/append';
import type { Principal } from '../principal';
import { addAnswer, decide } from './decide';
import { minute, type VerificationServiceDeps } from './deps';
import { expectedAnswer, factPartsFor, scoreAgainst } from './expected-answer';
import { readPlan, type PlannedQuestion } from './plan';
import { knowledgeOf, privateCorrectOf } from './private-tally';
import { askedPayload, questionRow } from './questions';
import { copenhagenDate } from './copenhagen-day';
import { loadPersonFacts } from './register-facts';
import { tablesRegisterPort } from '../register/tables-adapter';
import { answeredScores, expireIfDue, loadForAnswer, notFoundMessage, recordAnswered, updateIfUnchanged, viewOf } from './store';
import { toVerificationView, type VerificationRow } from './view';

/** The two agents raced on one verification and the other one advanced it first. */
class LostRace extends Error {}

/** The policy the verification started under (defaults fill anything a later version added). */
function snapshotPolicy(row: VerificationRow): VerificationPolicy {
  return verificationPolicySchema.parse(row.policy);
}

export function createAnswer(
  deps: Pick<VerificationServiceDeps, 'transaction' | 'clock' | 'subjectHmac' | 'cprSealer' | 'register'>,
  get: (input: ParsedInput<'getVerification'>, principal: Principal) => Promise<VerificationView>,
) {
  const { transaction, clock, subjectHmac, cprSealer } = deps;
  const register = deps.register ?? tablesRegisterPort();

  async function answerIn(tx: Tx, input: ParsedInput<'answerQuestion'>, principal: Principal, now: Date): Promise<VerificationView> {
    const found = await loadForAnswer(tx, { id: input.id, questionId: input.questionId, agentId: principal.userId });
    if (!found) throw new ApiError(404, errorCodes.notFound, notFoundMessage);
    const expired: AuditEventInput[] = [];
    const row = await expireIfDue(tx, found.v, now, expired);
    const q = found.q;
    if (!q) throw new ApiError(404, errorCodes.notFound, 'No such question in this verification.');
    // Sent again (a retry, a double click) or too late: the current state, scored once only.
    if (q.answeredAt !== null || row.status !== 'in_progress') {
      await appendAuditEvents(tx, expired);
      return viewOf(tx, row, now);
    }

    const policy = snapshotPolicy(row);
    const plan = readPlan(row.plan);
    const planned = plan.questions[q.seq - 1];
    let score = 0;
    if (input.answer.kind === 'text' && planned && row.cprSealed) {
      // Read for this call: an online register answers from what the call already looked up.
      const reader = register.open(tx, { id: row.id, until: new Date(now.getTime() + policy.timeoutMinutes * minute) });
      const facts = await loadPersonFacts(reader, cprSealer.unseal(row.cprSealed), subjectHmac, copenhagenDate(now), factPartsFor(planned));
      const expected = facts ? expectedAnswer(planned, facts) : null;
      // The text is scored here and goes nowhere else.
      score = expected ? scoreAgainst(input.answer.text, expected, now.getUTCFullYear()) : 0;
    }
    // The private count matters only once the base questions are done (decide asks them all first).
    const privateCorrect =
      policy.minPrivateCorrect > 0 && row.answeredCount + 1 >= policy.questionCount ? privateCorrectOf(await answeredScores(tx, row.id), plan) : 0;
    const tally = addAnswer(
      { answered: row.answeredCount, correct: row.correctCount, privateCorrect, scoreWeight: row.scoreWeight, totalWeight: row.totalWeight },
      q.strength,
      score,
      knowledgeOf(q.kind),
    );
    const decision = decide(
      tally,
      plan.questions.slice(q.seq).map((p) => ({ strength: p.strength, knowledge: knowledgeOf(p.kind) })),
      policy,
    );
    const updated = await updateIfUnchanged(tx, row, {
      answeredCount: tally.answered,
      correctCount: tally.correct,
      scoreWeight: tally.scoreWeight,
      totalWeight: tally.totalWeight,
      lastActivityAt: now,
      expiresAt: new Date(now.getTime() + policy.timeoutMinutes * minute),
      ...(decision.next === 'end' ? { status: decision.status, outcomeReason: decision.reason, endedAt: now } : {}),
    });
    if (!updated) throw new LostRace();
    const timeTakenMs = Math.max(0, now.getTime() - q.askedAt.getTime());
    const dontKnow = input.answer.kind === 'dont_know';
    const next = decision.next === 'ask' ? questionRow(row.id, q.seq + 1, plan.questions[q.seq] as PlannedQuestion, now) : null;
    await recordAnswered(tx, { verificationId: row.id, seq: q.seq, answeredAt: now, score, dontKnow, timeTakenMs, next });

    // The audit events last, in one append: the appender's lock is then held only until the commit.
    const event = (action: AuditAction, payload: Record<string, unknown>) => ({ actor: principal.userId, action, subjectHmac: row.subjectHmac, verificationId: row.id, payload, occurredAt: now });
    const events = [event('verification.answer_scored', { seq: q.seq, kind: q.kind, strength: q.strength, score, dontKnow, timeTakenMs })];
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

  return async function answer(input: ParsedInput<'answerQuestion'>, principal: Principal): Promise<VerificationView> {
    const now = clock.now();
    try {
      const view = await transaction((tx) => answerIn(tx, input, principal, now));
      if (view.status !== 'in_progress') register.endCall?.(input.id);
      return view;
    } catch (error) {
      // The other agent's answer advanced it first: this one is not scored; both see the same state.
      if (error instanceof LostRace) return get({ id: input.id }, principal);
      throw error;
    }
  };
}
