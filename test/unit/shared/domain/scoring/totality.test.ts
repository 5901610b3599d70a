import fc from 'fast-check';
import { describe, it } from 'vitest';
import { scoreAddress, scoreDate, scoreMunicipality, scoreName, scorePlace } from '../../../../../shared/domain/scoring/index';

// Answers are typed by hand: the scorers must return a number in [0, 1] for anything, never throw.
const answer = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('Nørregade', '12', '1.', 'tv', 'st', 'th', '8000', 'Aarhus', 'C', 'marts', '1998', "'98", '3/12', 'i', 'Kommune', 'Sogn', 'Søren', '-', ',', 'B', 'kl', 'til', 'højre'), { maxLength: 12 }).map((w) => w.join(' ')),
);

const inRange = (s: number) => Number.isFinite(s) && s >= 0 && s <= 1;
const runs = { numRuns: 1500 };

describe('scorers are total on arbitrary strings', () => {
  it('scoreAddress', () => {
    const fact = { street: 'Nørregade', houseNumber: '12', floor: '1', door: 'tv', postcode: '8000', town: 'Aarhus C' };
    fc.assert(fc.property(answer, (a) => inRange(scoreAddress(a, fact))), runs);
  });

  it('scoreAddress with an arbitrary register fact', () => {
    const text = fc.string({ maxLength: 20 });
    const fact = fc.record({ street: text, houseNumber: text, floor: fc.option(text), door: fc.option(text), postcode: text, town: text });
    fc.assert(fc.property(answer, fact, (a, f) => inRange(scoreAddress(a, f)) && inRange(scoreAddress(f.street + ' ' + f.houseNumber, f))), runs);
  });

  it('scoreDate', () => {
    const fact = fc.record({ year: fc.integer({ min: 1850, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) });
    const precision = fc.constantFrom('year' as const, 'month' as const, 'day' as const);
    fc.assert(fc.property(answer, fact, precision, fc.integer({ min: 1900, max: 2100 }), (a, f, p, ref) => inRange(scoreDate(a, f, p, ref))), runs);
  });

  it('scoreName, scoreMunicipality and scorePlace', () => {
    const names = fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 });
    fc.assert(
      fc.property(answer, names, (a, acceptedNames) =>
        inRange(scoreName(a, { acceptedNames })) && inRange(scoreMunicipality(a, { acceptedNames })) && inRange(scorePlace(a, { acceptedNames })),
      ),
      runs,
    );
  });

  it('an accepted name given back verbatim scores 1 (when it has letters)', () => {
    const name = fc.stringMatching(/^[A-Za-zÆØÅæøå]{2,12}( [A-Za-zÆØÅæøå]{2,12})?$/);
    fc.assert(fc.property(name, (n) => scoreName(n, { acceptedNames: [n] }) === 1 && scoreMunicipality(n, { acceptedNames: [n] }) === 1 && scorePlace(n, { acceptedNames: [n] }) === 1));
  });
});
