import { describe, expect, it } from 'vitest';
import { scorePlace, type PlaceFact } from '../../../../../shared/domain/scoring/index';
import { expectOutcome, type Outcome, type Row } from './outcome';

interface Case {
  fact: PlaceFact;
  accepted: string[];
  rejected: string[];
}

const cases: Case[] = [
  {
    fact: { acceptedNames: ['Vor Frue Sogn'] },
    accepted: ['Vor Frue', 'Vor Frue Sogn', 'vor frue sogn', 'Vor Frues Sogn', 'VOR FRUE'],
    rejected: ['Vor Frelsers Sogn', 'Vor Frelser', 'Helligånds Sogn', 'Sankt Johannes Sogn', 'Frue'],
  },
  {
    fact: { acceptedNames: ['Sankt Johannes Sogn'] },
    accepted: ['Skt. Johannes', 'Sankt Johannes', 'St. Johannes Sogn', 'Sct. Johannes', 'skt johannes sogn'],
    rejected: ['Sankt Jakobs Sogn', 'Sankt Pauls Sogn', 'Johannes', 'Sankt Lukas', 'Sankt Andreas Sogn'],
  },
  {
    fact: { acceptedNames: ['Tyskland', 'Germany', 'Deutschland', 'Vesttyskland'] },
    accepted: ['Tyskland', 'germany', 'Deutschland', 'Vesttyskland', 'Vest-Tyskland', 'TYSKLAND'],
    rejected: ['Østrig', 'Holland', 'Danmark', 'Østtyskland', 'Schweiz', 'Polen'],
  },
  {
    fact: { acceptedNames: ['Færøerne', 'Faroe Islands'] },
    accepted: ['Færøerne', 'Faeroerne', 'Faroerne', 'Faroe Islands', 'færøerne'],
    rejected: ['Grønland', 'Island', 'Shetland', 'Fanø', 'Ærø'],
  },
  {
    fact: { acceptedNames: ['Grønland', 'Greenland', 'Kalaallit Nunaat'] },
    accepted: ['Grønland', 'Gronland', 'Groenland', 'greenland', 'Kalaallit Nunaat'],
    rejected: ['Island', 'Finland', 'Færøerne', 'Grindsted', 'Holland'],
  },
  {
    fact: { acceptedNames: ['Aabenraa Sogn'] },
    accepted: ['Åbenrå', 'Aabenraa', 'Abenra', 'Aabenraa Sogn', 'Åbenrå sogn'],
    rejected: ['Aarhus', 'Aalborg', 'Haderslev', 'Åbyhøj', 'Aabybro'],
  },
  {
    fact: { acceptedNames: ['Sverige', 'Sweden'] },
    accepted: ['Sverige', 'Sweden', 'sverige', 'SVERIGE'],
    rejected: ['Norge', 'Schweiz', 'Svendborg', 'Finland', 'Swaziland'],
  },
  {
    fact: { acceptedNames: ['Sankt Olai Sogn', 'Helsingør'] },
    accepted: ['Skt. Olai', 'St. Olai Sogn', 'Sankt Olai', 'Helsingør', 'Helsingoer', 'Helsingor'],
    rejected: ['Sankt Mariæ Sogn', 'Sankt Olavs', 'Hellebæk', 'Helsinge', 'Hillerød'],
  },
];

const acceptForms = [(n: string) => n, (n: string) => `i ${n}`, (n: string) => `født i ${n}`, (n: string) => `fra ${n}`];
const rejectForms = [(n: string) => n, (n: string) => `i ${n}`];

const rows: Row<PlaceFact>[] = cases.flatMap((c) => [
  ...c.accepted.flatMap((a) => acceptForms.map((f) => ({ answer: f(a), fact: c.fact, outcome: 'accept' as Outcome }))),
  ...c.rejected.flatMap((r) => rejectForms.map((f) => ({ answer: f(r), fact: c.fact, outcome: 'reject' as Outcome }))),
]);

describe('scorePlace: realistic answers', () => {
  it('has a table of at least 200 answers', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it.each(rows)('$answer (register: $fact.acceptedNames) → $outcome', ({ answer, fact, outcome }) => {
    expectOutcome(scorePlace(answer, fact), outcome, answer);
  });
});

describe('scorePlace: rules', () => {
  it('keeps a name that starts with a filler word', () => {
    expect(scorePlace('Han Herred', { acceptedNames: ['Han Herred'] })).toBe(1);
    expect(scorePlace('i Han Herred', { acceptedNames: ['Han Herred'] })).toBe(1);
  });

  it('does not accept "Sogn" alone or an empty answer', () => {
    expect(scorePlace('Sogn', { acceptedNames: ['Vor Frue Sogn'] })).toBe(0);
    expect(scorePlace('  ', { acceptedNames: ['Vor Frue Sogn'] })).toBe(0);
  });
});
