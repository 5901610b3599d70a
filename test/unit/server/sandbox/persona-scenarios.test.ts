// Each README persona reaches the outcome it is listed for, through the engine's own draw, expected
// answers and pass rule, answered the way the trainer playing the caller would answer (in memory).
import { describe, expect, it } from 'vitest';
import { sayCorrectly } from '../../../../bench/simulator/spoken';
import { defaultPolicy } from '../../../../shared/domain/policy/index';
import { loadSandboxInMemory } from '../../../../server/sandbox/in-memory-register';
import { personas } from '../../../../server/sandbox/personas';
import { Rng } from '../../../../server/sandbox/prng';
import { addAnswer, decide, type Tally } from '../../../../server/services/verification/decide';
import { drawPlan } from '../../../../server/services/verification/draw';
import { expectedAnswer, scoreAgainst } from '../../../../server/services/verification/expected-answer';
import { questionKinds } from '../../../../server/services/verification/question-kinds';

const now = new Date('2026-11-25T10:00:00Z');
const people = loadSandboxInMemory({ seed: 'personas', persons: 100, now });
const person = (cpr: string) => {
  const p = people.find((x) => x.person.cpr === cpr);
  if (!p) throw new Error(`persona ${cpr} missing`);
  return p;
};
const policy = defaultPolicy.verification;

/** Plays one call honestly; the outcome and the questions asked. */
function call(cpr: string, rng: Rng) {
  const p = person(cpr);
  const plan = drawPlan(p.facts, policy, (items) => rng.pick(items));
  if (plan.length < policy.questionCount) return { outcome: 'thin' as const, plan };
  let tally: Tally = { answered: 0, correct: 0, privateCorrect: 0, scoreWeight: 0, totalWeight: 0 };
  for (let i = 0; i < plan.length; i++) {
    const q = plan[i]!;
    const expected = expectedAnswer(q, p.facts);
    const score = expected ? scoreAgainst(sayCorrectly(expected, rng), expected, 2026) : 0;
    tally = addAnswer(tally, q.strength, score, questionKinds[q.kind].knowledge);
    const d = decide(tally, plan.slice(i + 1).map((x) => ({ strength: x.strength, knowledge: questionKinds[x.kind].knowledge })), policy);
    if (d.next === 'end') return { outcome: d.status, plan };
  }
  return { outcome: 'unfinished' as const, plan };
}

describe('demo personas reach their scenario', () => {
  const rng = new Rng('persona-scenarios');
  it.each([
    ['Kirsten (passes easily)', personas.easy.cpr],
    ['Mikkel (tricky addresses)', personas.trickyAddresses.cpr],
    ['Anne-Mette (with her driving licence)', personas.expiredPassport.cpr],
    ['Jonas (mobile changed)', personas.recentMobile.cpr],
    ['Louise (name and address protection)', personas.protected.cpr],
    ['Aputsiaq (Greenlandic)', personas.greenlandic.cpr],
  ])('%s passes when answered from the register, every time', (_, cpr) => {
    for (let i = 0; i < 30; i++) expect(call(cpr, rng).outcome).toBe('passed');
  });

  it('Anne-Mette has a valid driving licence, Louise is protected and is never shown a street', () => {
    expect(person(personas.expiredPassport.cpr).hasValidDocument).toBe(true);
    expect(person(personas.protected.cpr).facts.nameAddressProtection).toBe(true);
    for (let i = 0; i < 30; i++) for (const q of call(personas.protected.cpr, rng).plan) expect(q.params.street).toBeUndefined();
  });

  it('Aputsiaq is asked about his Greenlandic homes', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 30; i++) for (const q of call(personas.greenlandic.cpr, rng).plan) if (q.ref.t === 'address') kinds.add(q.kind);
    expect(kinds.size).toBeGreaterThan(1);
  });

  it('Bent reaches the register with a document valid by its date, and is deceased; Hans Peter is too thin for questions', () => {
    const bent = person(personas.deceased.cpr);
    expect(bent.hasValidDocument).toBe(true);
    expect(bent.person.status).toBe('deceased');
    expect(call(personas.singleAddress.cpr, rng).outcome).toBe('thin');
  });
});
