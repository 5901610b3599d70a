// @vitest-environment jsdom
// Property over the whole sandbox register (10,000 persons, generated in memory): in no call does one
// question's text, as the agent reads it aloud (Danish and English), hold a name, place or year that
// answers another question of the same call. Checked on the rendered script lines, independently of the
// draw's own leak keys.
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgentCatalogue } from '../../../../../renderer/src/app/i18n/agent-catalogue';
import { createConsoleI18n } from '../../../../../renderer/src/app/i18n/i18n';
import { questionScript } from '../../../../../renderer/src/features/new-call/question-script';
import { defaultPolicy } from '../../../../../shared/domain/policy/index';
import { loadSandboxInMemory, type SandboxPerson } from '../../../../../server/sandbox/in-memory-register';
import { Rng } from '../../../../../server/sandbox/prng';
import type { Pick } from '../../../../../server/services/verification/candidates';
import { drawPlan } from '../../../../../server/services/verification/draw';
import { expectedAnswer, type ExpectedAnswer } from '../../../../../server/services/verification/expected-answer';
import { normaliseDanish } from '../../../../../shared/domain/scoring/index';

const now = new Date('2026-11-25T10:00:00Z');
const loose = (s: string) => ` ${normaliseDanish(s).replace(/oe|aa|ae/g, (d) => d[0] ?? d)} `;

/** The phrases that answer a question: each must not stand, as whole words, in another question's text. */
function answerPhrases(e: ExpectedAnswer): string[] {
  if (e.format === 'date') return [String(e.fact.year)];
  if (e.format === 'address') return [e.fact.street];
  // "Sogn" and "Kommune" alone answer nothing.
  return e.acceptedNames.map((n) => n.replace(/\b(Sogn|Domsogn|Kommune)\b/g, '').trim()).filter(Boolean);
}

describe('no question gives away the answer to another question of the same call', () => {
  let people: SandboxPerson[];
  beforeAll(() => {
    people = loadSandboxInMemory({ seed: 'sandbox', persons: 10_000, now });
  }, 120_000);

  it('holds for every person in the sandbox register with a document and a MitID', () => {
    const i18n = createConsoleI18n('da');
    addAgentCatalogue(i18n);
    const lines = [i18n.getFixedT('da'), i18n.getFixedT('en')];
    const rng = new Rng('no-leaks');
    const pick: Pick = (items) => items[Math.floor(rng.next() * items.length)] as (typeof items)[number];
    const leaks: string[] = [];
    let calls = 0;
    for (const p of people) {
      if (p.person.status !== 'active' || !p.hasValidDocument || !p.hasMitid) continue;
      const plan = drawPlan(p.facts, defaultPolicy.verification, pick);
      if (plan.length < defaultPolicy.verification.questionCount) continue;
      calls++;
      const texts = plan.map((q) => lines.map((t) => loose(questionScript(t, q))).join(' | '));
      // The same lines with every parameter blanked: words of the script itself ("din mors fornavn") are no leak.
      // Only shown values (years, names, streets) are blanked; lower-case selectors (parent: mother) stay.
      const isShown = (v: string | number) => typeof v === 'number' || /^\p{Lu}/u.test(v);
      const blank = (q: (typeof plan)[number]) => ({
        kind: q.kind,
        params: Object.fromEntries(Object.entries(q.params).map(([k, v]) => [k, isShown(v) ? (typeof v === 'number' ? 1 : 'Xq') : v])),
      });
      const fixed = plan.map((q) => lines.map((t) => loose(questionScript(t, blank(q)))).join(' | '));
      plan.forEach((q, i) => {
        const expected = expectedAnswer(q, p.facts);
        expect(expected, `${q.kind} resolves`).not.toBeNull();
        for (const phrase of answerPhrases(expected as ExpectedAnswer)) {
          const needle = loose(phrase);
          texts.forEach((text, j) => {
            if (j !== i && text.includes(needle) && !fixed[j]?.includes(needle)) leaks.push(`${p.person.cpr}: "${phrase}" (answer to ${q.kind}) in ${plan[j]?.kind} ${JSON.stringify(plan[j]?.params)}`);
          });
        }
      });
    }
    expect(calls).toBeGreaterThan(4000);
    expect(leaks).toEqual([]);
  }, 120_000);
});
