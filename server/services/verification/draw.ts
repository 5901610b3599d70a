// The draw: a random mix of candidates, at most two of one family, none sharing a tag with another, and
// at most `maxAcquaintanceQuestions` an acquaintance could answer among the base questions.
import type { VerificationPolicy } from '../../../shared/domain/policy/index';
import { buildCandidates, type Candidate, type Pick } from './candidates';
import { givesAway } from './leaks';
import { maxPerFamily, questionKinds } from './question-kinds';
import type { PersonFacts } from './register-facts';

const attempts = 8;

export interface DrawRules {
  /** Base questions: the acquaintance limit applies to these. */
  base: number;
  /** Acquaintance questions allowed among the base questions (no limit when absent). */
  maxAcquaintance?: number;
  /** Questions already chosen: the draw goes on from them. */
  start?: readonly Candidate[];
}

const isAcquaintance = (c: Candidate) => questionKinds[c.kind].knowledge === 'acquaintance';

function drawOnce(candidates: readonly Candidate[], count: number, pick: Pick, rules: DrawRules): Candidate[] {
  const chosen: Candidate[] = [];
  const perFamily = new Map<string, number>();
  const perKind = new Map<string, number>();
  const usedTags = new Set<string>();
  let acquaintance = 0;
  const take = (c: Candidate) => {
    chosen.push(c);
    if (isAcquaintance(c)) acquaintance++;
    perFamily.set(c.family, (perFamily.get(c.family) ?? 0) + 1);
    perKind.set(c.kind, (perKind.get(c.kind) ?? 0) + 1);
    for (const t of c.tags) usedTags.add(t);
  };
  for (const c of rules.start ?? []) take(c);
  while (chosen.length < count) {
    const inBase = chosen.length < rules.base;
    const acquaintanceFull = inBase && rules.maxAcquaintance !== undefined && acquaintance >= rules.maxAcquaintance;
    const allowed = candidates.filter(
      (c) =>
        !chosen.includes(c) &&
        (perFamily.get(c.family) ?? 0) < maxPerFamily &&
        !c.tags.some((t) => usedTags.has(t)) &&
        !chosen.some((x) => givesAway(x.leak, c.leak)) &&
        !(acquaintanceFull && isAcquaintance(c)),
    );
    if (allowed.length === 0) break;
    // Mix: prefer the least asked family, then the least asked kind.
    const fewestFamily = Math.min(...allowed.map((c) => perFamily.get(c.family) ?? 0));
    const byFamily = allowed.filter((c) => (perFamily.get(c.family) ?? 0) === fewestFamily);
    const fewestKind = Math.min(...byFamily.map((c) => perKind.get(c.kind) ?? 0));
    take(pick(byFamily.filter((x) => (perKind.get(x.kind) ?? 0) === fewestKind)));
  }
  return chosen;
}

/** Up to `count` questions; a greedy draw can paint itself into a corner, so it tries a few times. */
export function drawQuestions(candidates: readonly Candidate[], count: number, pick: Pick, rules: DrawRules = { base: count }): Candidate[] {
  let best: Candidate[] = [];
  for (let i = 0; i < attempts && best.length < count; i++) {
    const drawn = drawOnce(candidates, count, pick, rules);
    if (drawn.length > best.length) best = drawn;
  }
  return best;
}

function shuffled<T>(items: readonly T[], pick: Pick): T[] {
  const rest = [...items];
  const out: T[] = [];
  while (rest.length > 0) {
    const item = pick(rest);
    out.push(item);
    rest.splice(rest.indexOf(item), 1);
  }
  return out;
}

type PlanRules = globalThis.Pick<VerificationPolicy, 'questionCount' | 'extraQuestions' | 'maxAcquaintanceQuestions' | 'minPrivateCorrect'> &
  Partial<globalThis.Pick<VerificationPolicy, 'maxAcquaintanceQuestionsWhenThin'>>;

/**
 * The questions of one call under the policy: the base questions (at most maxAcquaintanceQuestions of
 * them an acquaintance could answer), then the extras. When the register holds too few private facts for
 * that, the base questions may take up to maxAcquaintanceQuestionsWhenThin acquaintance questions, as long
 * as at least minPrivateCorrect private ones are asked (a pass needs every one of them fully correct then).
 * Fewer than questionCount, or fewer private ones than a pass needs, means the register holds too little:
 * the caller is referred.
 */
export function drawPlan(facts: PersonFacts, policy: PlanRules, pick: Pick): Candidate[] {
  const count = policy.questionCount + policy.extraQuestions;
  const candidates = buildCandidates(facts, pick);
  const enough = (drawn: Candidate[]) => drawn.length >= policy.questionCount && drawn.filter((c) => !isAcquaintance(c)).length >= policy.minPrivateCorrect;
  let drawn = drawQuestions(candidates, count, pick, { base: policy.questionCount, maxAcquaintance: policy.maxAcquaintanceQuestions });
  // Never so many that fewer private questions than a pass needs are left.
  const whenThin = Math.min(policy.maxAcquaintanceQuestionsWhenThin ?? 0, policy.questionCount - policy.minPrivateCorrect);
  if (!enough(drawn) && whenThin > policy.maxAcquaintanceQuestions) {
    // As many private questions as the register supports, then acquaintance ones fill the base, in a
    // mixed order (the agent must not learn which questions decide the call).
    const privates = drawQuestions(candidates.filter((c) => !isAcquaintance(c)), policy.questionCount, pick);
    const filled = drawQuestions(candidates, count, pick, { base: policy.questionCount, maxAcquaintance: whenThin, start: privates });
    drawn = [...shuffled(filled.slice(0, policy.questionCount), pick), ...filled.slice(policy.questionCount)];
  }
  return enough(drawn) ? drawn : drawn.slice(0, Math.min(drawn.length, policy.questionCount - 1));
}
