// Answers scored per second on one core, per kind of question (goal for addresses: ≥ 100,000/s).
import type { BenchFigure } from './run';
import { scoreAddress, scoreDate, scoreMunicipality, scoreName, scorePlace, type AddressFact } from '../shared/domain/scoring/index';

const address: AddressFact = { street: 'H.C. Andersens Boulevard', houseNumber: '27B', floor: 'st', door: 'th', postcode: '1553', town: 'København V' };
const addressAnswers = [
  'H.C. Andersens Boulevard 27B, st. th, 1553 København V',
  'hc andersens blvd 27b st.th',
  'Hans Christian Andersens Boulevard 27 B, stuen til højre',
  'H C Andersens Boulevard 27A',
  'H.C. Ørsteds Vej 27B, 1. tv, 1553 Kbh V',
  'HC Andersen Boulevard 27B',
  '27B H.C. Andersens Boulevard',
  'Nørregade 12, 1. tv, 8000 Aarhus C',
];
const dateAnswers = ['12-03-1998', '12. marts 1998', 'marts 1998', "'98", 'March 12th, 1998', '1998-03-12', '13/4 1997', 'i 1998'];
const nameAnswers = ['Søren', 'Soeren Christian', 'han hedder Kristian', 'Sørensen', 'Anne og Peter', 'SØREN'];
const municipalityAnswers = ['København', 'Københavns Kommune', 'Kbh.', 'Frederiksberg Kommune', 'koebenhavn', 'Kobenhavn'];
const placeAnswers = ['Vor Frue Sogn', 'vor frue', 'i Vor Frelsers Sogn', 'Skt. Johannes', 'Tyskland', 'Vor Frues Sogn'];

/** CPU time of this process in ms: on a shared, busy machine it measures one core's work, not the queue. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs score over answers, round robin, for about ms of CPU time after a warm-up; answers per CPU second. */
function rate(answers: readonly string[], score: (answer: string) => number, ms = 1000): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += score(answers[i % answers.length] ?? '');
  let n = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++, n++) sink += score(answers[n % answers.length] ?? '');
    elapsed = cpuMs() - start;
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return Math.round((n / elapsed) * 1000);
}

export default async function scoringBench(): Promise<BenchFigure[]> {
  const unit = 'answers/s';
  const mix = 'per CPU second on one core, a mix of matching and near-miss answers';
  return [
    {
      name: 'scoreAddress',
      value: rate(addressAnswers, (a) => scoreAddress(a, { ...address })),
      unit,
      goal: '≥ 100000',
      note: `${mix}; the register fact is parsed on every call`,
    },
    { name: 'scoreDate', value: rate(dateAnswers, (a) => scoreDate(a, { year: 1998, month: 3, day: 12 }, 'day', 2026)), unit, note: mix },
    { name: 'scoreName', value: rate(nameAnswers, (a) => scoreName(a, { acceptedNames: ['Søren', 'Christian'] })), unit, note: mix },
    { name: 'scoreMunicipality', value: rate(municipalityAnswers, (a) => scoreMunicipality(a, { acceptedNames: ['Københavns Kommune'] })), unit, note: mix },
    { name: 'scorePlace', value: rate(placeAnswers, (a) => scorePlace(a, { acceptedNames: ['Vor Frue Sogn'] })), unit, note: mix },
  ];
}
