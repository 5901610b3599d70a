// The seeded caller simulator (bench/simulator), small and fast: honest callers pass, impostors with public
// or acquaintance facts do not, and no honest answer said correctly is scored short (a scorer miss).
// `npm run bench -- callers` runs it over the full 10,000-person sandbox on two seeds.
import { describe, expect, it } from 'vitest';
import { simulateCalls } from '../../../../../bench/simulator/simulate-calls';
import { defaultPolicy } from '../../../../../shared/domain/policy/index';
import { loadSandboxInMemory } from '../../../../../server/sandbox/in-memory-register';

const now = new Date('2026-11-25T10:00:00Z');

describe.each(['unit-a', 'unit-b'])('simulated callers, seed %s', (seed) => {
  it('passes honest callers, never an impostor with public facts, and hardly ever one with acquaintance facts', () => {
    const people = loadSandboxInMemory({ seed, persons: 2_500, now });
    const r = simulateCalls(people, { seed, today: '2026-11-25', policy: defaultPolicy.verification });
    const reached = (k: keyof typeof r.byCaller) => r.byCaller[k].calls - r.byCaller[k].thinData;
    expect(r.misses).toEqual([]);
    expect(reached('honest')).toBeGreaterThan(1000);
    // The ≥ 99.5 % goal is the bench's (10,000 persons, two seeds: 99.61 / 99.69 % on 2026-12-01). On
    // ≈ 1,400 calls one failure is 0.07 %, so this sample asserts 99 %: an unrelated change to the
    // generator's randomness must not flip it, a real drop in honest passes must.
    expect(r.byCaller.honest.passed / reached('honest')).toBeGreaterThanOrEqual(0.99);
    expect(r.byCaller.public_impostor.passed).toBe(0);
    expect(r.byCaller.acquaintance_impostor.passed / reached('acquaintance_impostor')).toBeLessThanOrEqual(0.001);
    // Near misses are not all forgiven: a contradicted door or month is not fully correct.
    expect(r.byCaller.near_miss.passed).toBeLessThan(r.byCaller.honest.passed);
    // Adults with an ordinary history are seldom referred for thin data; with the thin-data exception
    // (maxAcquaintanceQuestionsWhenThin) neither are young people who have moved out.
    expect(r.byGroup.other.thinData / r.byGroup.other.persons).toBeLessThan(0.02);
    expect(r.byGroup.young.thinData / r.byGroup.young.persons).toBeLessThan(0.05);
    // Everyone still in their childhood home is referred: the register holds nothing only they know.
    expect(r.byGroup.childhood_home.thinData).toBe(r.byGroup.childhood_home.persons);
    // Recent immigrants are generated (≈ 3 % of persons), and their records are thin as real ones are.
    expect(r.byGroup.recent_immigrant.persons).toBeGreaterThan(5);
    expect(r.byGroup.recent_immigrant.thinData).toBeGreaterThan(0);
    // Under 2 % outside the childhood-home group (1.4–1.6 % on these seeds).
    const outside = Object.entries(r.byGroup).filter(([group]) => group !== 'childhood_home').map(([, g]) => g);
    expect(outside.reduce((n, g) => n + g.thinData, 0) / outside.reduce((n, g) => n + g.persons, 0)).toBeLessThan(0.02);
  }, 120_000);
});
