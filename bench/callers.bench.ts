// The caller simulator over the whole sandbox register, on two seeds: per kind of caller the pass rate,
// thin-data referrals, questions per call and engine time per call; per kind of person the thin-data rate.
import { defaultPolicy } from '../shared/domain/policy/index';
import { loadSandboxInMemory } from '../server/sandbox/in-memory-register';
import type { BenchFigure } from './run';
import { callerKinds, simulateCalls } from './simulator/simulate-calls';

const persons = Number(process.env.BENCH_SIMULATED_PERSONS ?? 10_000);
const seeds = ['sandbox', 'second-seed'];
const now = new Date('2026-11-25T10:00:00Z');

const goals: Record<string, string> = {
  honest: '≥ 99.5 %',
  public_impostor: '0 %',
  acquaintance_impostor: '≤ 0.1 %',
};

export default async function callersBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const seed of seeds) {
    const people = loadSandboxInMemory({ seed, persons, now });
    const r = simulateCalls(people, { seed: `callers-${seed}`, today: now.toISOString().slice(0, 10), policy: defaultPolicy.verification });
    for (const kind of callerKinds) {
      const f = r.byCaller[kind];
      const reached = f.calls - f.thinData;
      figures.push({ name: `${seed}: ${kind} pass rate (of ${reached} calls that reached questions)`, value: (100 * f.passed) / reached, unit: '%', goal: goals[kind] });
      if (kind === 'honest') figures.push({ name: `${seed}: thin-data referrals (of ${f.calls} persons with a valid document and a MitID)`, value: (100 * f.thinData) / f.calls, unit: '%', goal: '< 2 %' });
      figures.push({ name: `${seed}: ${kind} questions per call`, value: f.questions / reached, unit: 'questions' });
      figures.push({ name: `${seed}: ${kind} engine time per call (draw, scoring, decisions; no HTTP or database)`, value: f.ms / f.calls, unit: 'ms' });
    }
    for (const [group, g] of Object.entries(r.byGroup)) {
      figures.push({ name: `${seed}: thin-data referrals, ${group} (${g.persons} persons)`, value: (100 * g.thinData) / g.persons, unit: '%' });
      const reached = g.persons - g.thinData;
      if (reached > 0) figures.push({ name: `${seed}: honest pass rate, ${group} (of ${reached} calls that reached questions)`, value: (100 * g.honestPassed) / reached, unit: '%' });
    }
    // The goal over everyone the register holds private facts about: without those still in their childhood home
    // (no move since 15: nothing only they know) and recent arrivals with one Danish home so far.
    const outside = Object.entries(r.byGroup).filter(([group]) => group !== 'childhood_home');
    const counted = outside.reduce((n, [, g]) => n + g.persons, 0);
    const thin = outside.reduce((n, [, g]) => n + g.thinData, 0);
    figures.push({ name: `${seed}: thin-data referrals outside the childhood-home group (${counted} persons)`, value: (100 * thin) / counted, unit: '%' });
  }
  return figures;
}
