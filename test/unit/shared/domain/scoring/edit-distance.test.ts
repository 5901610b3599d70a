import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedTypos, boundedEditDistance, closeEnough } from '../../../../../shared/domain/scoring/index';

// Reference: unbounded optimal-string-alignment distance, written plainly.
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.stringMatching(/^[a-e]{0,9}$/);

describe('boundedEditDistance', () => {
  it('equals the plain distance when within the bound, and max + 1 beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = osa(a, b);
        return boundedEditDistance(a, b, max) === (full <= max ? full : max + 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts one typo of each kind as 1', () => {
    expect(boundedEditDistance('noerregade', 'noerregdae', 3)).toBe(1); // swap
    expect(boundedEditDistance('noerregade', 'noerrgade', 3)).toBe(1); // drop
    expect(boundedEditDistance('noerregade', 'noerreggade', 3)).toBe(1); // double
    expect(boundedEditDistance('noerregade', 'noerrefade', 3)).toBe(1); // neighbour key
  });

  it('is symmetric', () => {
    fc.assert(fc.property(word, word, (a, b) => boundedEditDistance(a, b, 3) === boundedEditDistance(b, a, 3)));
  });
});

describe('closeEnough', () => {
  it('allows no typo in short names and one in long ones', () => {
    expect(allowedTypos(6)).toBe(0);
    expect(allowedTypos(7)).toBe(1);
    expect(closeEnough('vejen', 'vejle')).toBe(false);
    expect(closeEnough('roskldevej', 'roskildevej')).toBe(true);
    expect(closeEnough('roskivej', 'roskildevej')).toBe(false);
  });

  it('does not count a vowel swapped for another vowel as a typo', () => {
    expect(closeEnough('frederiksborg', 'frederiksberg')).toBe(false);
    expect(closeEnough('frederiksbrg', 'frederiksberg')).toBe(true);
  });

  it('needs the same first letter', () => {
    expect(closeEnough('kristiansgade', 'christiansgade')).toBe(false);
  });
});
