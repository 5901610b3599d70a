// A seeded caller simulator over the sandbox register, in memory: each person with a valid document and
// a MitID is called by four kinds of caller, and each call runs through the engine's own draw, expected
// answers, scorers and pass rule (server/services/verification), without HTTP or a database.
import { performance } from 'node:perf_hooks';
import { municipalityAt } from '../../shared/domain/geography/index';
import type { VerificationPolicy } from '../../shared/domain/policy/index';
import type { SandboxPerson } from '../../server/sandbox/in-memory-register';
import { Rng } from '../../server/sandbox/prng';
import type { Pick } from '../../server/services/verification/candidates';
import { addAnswer, decide, type Tally } from '../../server/services/verification/decide';
import { drawPlan } from '../../server/services/verification/draw';
import { expectedAnswer, scoreAgainst } from '../../server/services/verification/expected-answer';
import { questionKinds } from '../../server/services/verification/question-kinds';
import { personGroup, type PersonGroup } from './person-groups';
import { guess, sayCorrectly, sayNearly } from './spoken';

export const callerKinds = ['honest', 'near_miss', 'public_impostor', 'acquaintance_impostor'] as const;
export type CallerKind = (typeof callerKinds)[number];

export interface Figures {
  calls: number;
  passed: number;
  failed: number;
  /** Referred for insufficient_register_data before any question. */
  thinData: number;
  /** Questions asked, over the calls that reached questions. */
  questions: number;
  /** Engine time (draw, scoring, decisions) over all calls, ms. */
  ms: number;
}

export interface SimulationResult {
  byCaller: Record<CallerKind, Figures>;
  /** Per kind of person: thin-data referrals (one draw per person) and the honest caller's passes. */
  byGroup: Record<PersonGroup, { persons: number; thinData: number; honestPassed: number }>;
  /** Honest answers said correctly that scored below fully correct: scorer misses (synthetic data only). */
  misses: string[];
}

const empty = (): Figures => ({ calls: 0, passed: 0, failed: 0, thinData: 0, questions: 0, ms: 0 });

/**
 * An honest caller knows the facts and says them naturally, but now and then does not remember one
 * (a move month long ago). Slips (a door mixed up, a month off) are the near-miss callers' part.
 */
const honest = { slip: 0, dontKnow: 0.005 };
/** A near-miss caller slips on this share of answers. */
const nearMissSlip = 0.3;

export function simulateCalls(people: readonly SandboxPerson[], options: { seed: string; today: string; policy: VerificationPolicy }): SimulationResult {
  const rng = new Rng(options.seed);
  const pick: Pick = (items) => rng.pick(items);
  const referenceYear = Number(options.today.slice(0, 4));
  const byCaller = Object.fromEntries(callerKinds.map((k) => [k, empty()])) as Record<CallerKind, Figures>;
  const byGroup = {} as SimulationResult['byGroup'];
  const policy = options.policy;
  const misses: string[] = [];

  for (const p of people) {
    if (p.person.status !== 'active' || !p.hasValidDocument || !p.hasMitid) continue;
    const home = p.facts.addresses.find((a) => a.movedOut === null);
    const publicFacts = {
      town: home?.town ?? 'København',
      municipality: (home?.postcode ? municipalityAt(home.postcode, options.today)?.name : undefined) ?? 'København',
      birthYear: Number(p.facts.birthDate.slice(0, 4)),
    };
    const group = personGroup(p, options.today);
    const g = (byGroup[group] ??= { persons: 0, thinData: 0, honestPassed: 0 });
    g.persons++;
    for (const kind of callerKinds) {
      const f = byCaller[kind];
      f.calls++;
      const started = performance.now();
      const plan = drawPlan(p.facts, policy, pick);
      if (plan.length < policy.questionCount) {
        f.thinData++;
        if (kind === 'honest') g.thinData++;
        f.ms += performance.now() - started;
        continue;
      }
      let tally: Tally = { answered: 0, correct: 0, privateCorrect: 0, scoreWeight: 0, totalWeight: 0 };
      for (let i = 0; i < plan.length; i++) {
        const q = plan[i]!;
        const expected = expectedAnswer(q, p.facts);
        const knowledge = questionKinds[q.kind].knowledge;
        let text: string | null;
        let meantRight = false;
        if (!expected) text = null;
        else if (kind === 'honest') {
          const r = rng.next();
          meantRight = r >= honest.dontKnow + honest.slip;
          text = r < honest.dontKnow ? null : meantRight ? sayCorrectly(expected, rng) : sayNearly(expected, rng);
        } else if (kind === 'near_miss') text = rng.chance(nearMissSlip) ? sayNearly(expected, rng) : sayCorrectly(expected, rng);
        else if (kind === 'acquaintance_impostor' && knowledge === 'acquaintance') text = sayCorrectly(expected, rng);
        else text = guess(expected, rng, publicFacts);
        const score = text !== null && expected ? scoreAgainst(text, expected, referenceYear) : 0;
        if (meantRight && score < 0.9 && misses.length < 50) misses.push(`${q.kind}: "${text}" for ${JSON.stringify(expected)} scored ${score}`);
        tally = addAnswer(tally, q.strength, score, knowledge);
        const decision = decide(tally, plan.slice(i + 1).map((x) => ({ strength: x.strength, knowledge: questionKinds[x.kind].knowledge })), policy);
        if (decision.next === 'end') {
          if (decision.status === 'passed') {
            f.passed++;
            if (kind === 'honest') g.honestPassed++;
          } else f.failed++;
          break;
        }
      }
      f.questions += tally.answered;
      f.ms += performance.now() - started;
    }
  }
  return { byCaller, byGroup, misses };
}

/** Share as a percentage with one decimal, for reports. */
export const percent = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(of >= 1000 ? 2 : 1)} %`);
