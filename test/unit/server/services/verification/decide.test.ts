// The pass/fail/extra-question rule, pure.
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../../../shared/domain/policy/index';
import { addAnswer, decide, type Tally } from '../../../../../server/services/verification/decide';

const rules = defaultPolicy.verification;
const none: Tally = { answered: 0, correct: 0, scoreWeight: 0, totalWeight: 0 };
const tally = (answers: [strength: number, score: number][]) => answers.reduce((t, [s, score]) => addAnswer(t, s, score), none);

describe('decide', () => {
  it('always asks all base questions, whatever the answers so far', () => {
    expect(decide(tally([[1, 0], [1, 0], [1, 0]]), [1, 1, 1], rules)).toEqual({ next: 'ask' });
    expect(decide(tally([[1, 1]]), [1, 1, 1, 1, 1], rules)).toEqual({ next: 'ask' });
  });

  it('passes four correct answers and fails four wrong ones with no extra question', () => {
    expect(decide(tally([[1, 1], [0.5, 1], [1.25, 1], [0.75, 1]]), [1, 1], rules)).toMatchObject({ status: 'passed' });
    expect(decide(tally([[1, 0], [0.5, 0], [1.25, 0], [0.75, 0]]), [1, 1], rules)).toMatchObject({ status: 'failed', reason: 'too_few_correct' });
  });

  it('needs both the weight share and the number of fully correct answers', () => {
    // 3 correct, but the missed one carries 1.25 of 3.5: share 0.64 < 0.75. Two extras of 1 could lift it to 0.78.
    const short = tally([[1.25, 0], [0.75, 1], [0.75, 1], [0.75, 1]]);
    expect(decide(short, [1, 1], rules)).toEqual({ next: 'ask' });
    // Only one weak extra left: at best 2.75/4.0 = 0.69, so it is not worth asking.
    expect(decide(short, [0.5], rules)).toMatchObject({ status: 'failed' });
    // 0.95 is fully correct (a left-out door); 0.5 (a contradicted postcode) is not.
    const nearly = tally([[1, 0.95], [1, 0.95], [1, 0.95], [1, 0.5]]);
    expect(nearly.correct).toBe(3);
    expect(decide(nearly, [], rules)).toMatchObject({ status: 'passed' });
    const twoCorrect = tally([[1, 1], [1, 1], [1, 0.5], [1, 0.5]]);
    expect(twoCorrect.correct).toBe(2);
    expect(decide(twoCorrect, [], rules)).toMatchObject({ status: 'failed' });
  });

  it('asks an extra question only while a pass is still possible', () => {
    // Two correct of four: two correct extras make 4 correct and 4/6 = 0.67 < 0.75: hopeless.
    expect(decide(tally([[1, 1], [1, 1], [1, 0], [1, 0]]), [1, 1], rules)).toMatchObject({ status: 'failed' });
    // With a lower threshold it is possible: ask.
    expect(decide(tally([[1, 1], [1, 1], [1, 0], [1, 0]]), [1, 1], { ...rules, passThreshold: 0.6 })).toEqual({ next: 'ask' });
    // 2.25/3.25 = 0.69 after four; a correct extra of 1.25 makes 3.5/4.5 = 0.78: passed, the second extra unused.
    const four = tally([[1, 0], [0.75, 1], [0.75, 1], [0.75, 1]]);
    expect(decide(four, [1.25, 1], rules)).toEqual({ next: 'ask' });
    expect(decide(addAnswer(four, 1.25, 1), [1], rules)).toMatchObject({ status: 'passed' });
    // A wrong extra: 2.25/4.5, and even a correct last one gives 3.25/5.5 = 0.59: failed at once.
    expect(decide(addAnswer(four, 1.25, 0), [1], rules)).toMatchObject({ status: 'failed' });
  });

  it('stops after questionCount + extraQuestions even if more are planned', () => {
    const six = tally([[1, 1], [1, 1], [1, 0], [1, 0], [1, 1], [1, 0]]);
    expect(decide(six, [1, 1, 1], { ...rules, passThreshold: 0.5, minCorrect: 4 })).toMatchObject({ status: 'failed' });
  });

  it('does not miss the threshold by a rounding error', () => {
    // 0.75 × (0.75 × 4) against 0.75 + 0.75 + 0.75 + 0: exactly 0.75 of the weight.
    const exact = tally([[0.75, 1], [0.75, 1], [0.75, 1], [0.75, 0]]);
    expect(decide(exact, [], rules)).toMatchObject({ status: 'passed' });
  });

  it('needs minPrivateCorrect fully correct private answers as well', () => {
    // Four correct, but three of them an acquaintance could give: one private is short of two.
    const acquaintances = [[0.5, 1, 'acquaintance'], [0.75, 1, 'acquaintance'], [0.5, 1, 'acquaintance'], [1, 1, 'private']] as const;
    const t = acquaintances.reduce((acc, [strength, score, knowledge]) => addAnswer(acc, strength, score, knowledge), none);
    expect(t.privateCorrect).toBe(1);
    expect(decide(t, [], rules)).toMatchObject({ status: 'failed' });
    // An acquaintance extra cannot help; a private one can.
    expect(decide(t, [{ strength: 0.5, knowledge: 'acquaintance' }], rules)).toMatchObject({ status: 'failed' });
    expect(decide(t, [{ strength: 1, knowledge: 'private' }], rules)).toEqual({ next: 'ask' });
    expect(decide(addAnswer(t, 1, 1, 'private'), [], rules)).toMatchObject({ status: 'passed' });
    // With the rule off, the same answers pass.
    expect(decide(t, [], { ...rules, minPrivateCorrect: 0 })).toMatchObject({ status: 'passed' });
  });
});
