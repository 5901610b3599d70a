import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishTokens, looseDanish, normaliseDanish } from '../../../../../shared/domain/scoring/index';

// Text that looks like answers: Danish letters, their digraphs, diacritics, digits and punctuation.
const danishChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøåÆØÅäöüéèÉÜ0123456789 .,-/\'"()!?\t'.split(''));
const danishText = fc.array(danishChar, { maxLength: 40 }).map((cs) => cs.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), danishText);

describe('normaliseDanish', () => {
  it('is idempotent on any text', () => {
    fc.assert(fc.property(anyText, (s) => normaliseDanish(normaliseDanish(s)) === normaliseDanish(s)), { numRuns: 2000 });
  });

  it('never throws and yields trimmed, single-spaced text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normaliseDanish(s);
        return n === n.trim() && !n.includes('  ') && !/[\t\n]/.test(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores case', () => {
    fc.assert(fc.property(danishText, (s) => normaliseDanish(s.toUpperCase()) === normaliseDanish(s.toLowerCase())));
  });

  it('treats æ/ae, ø/oe/ö, å/aa and ä as the same', () => {
    const swap = (s: string) => s.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa').replace(/ö/g, 'ø').replace(/ä/g, 'æ');
    fc.assert(fc.property(danishText, (s) => normaliseDanish(swap(s)) === normaliseDanish(s)));
  });

  it('ignores punctuation and spacing between words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zæøå0-9]{1,8}$/), { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '  ', ', ', '.', '-', ' / '), (words, sep) =>
        normaliseDanish(words.join(sep)) === normaliseDanish(words.join(' ')),
      ),
    );
  });

  it.each([
    ['Århus', 'aarhus'],
    ['AARHUS', 'aarhus'],
    ['Nørregade 12, 1. tv', 'noerregade 12 1 tv'],
    ['Søren', 'soeren'],
    ['Sören', 'soeren'],
    ['Lyngby-Taarbæk', 'lyngby taarbaek'],
    ['H.C. Andersens Blvd.', 'h c andersens blvd'],
    ['Allé', 'alle'],
    ['Müller', 'muller'],
    ['  René   Ærø ', 'rene aeroe'],
    ['Å', 'aa'],
    ['A\u030a', 'aa'], // "å" typed as a plus a combining ring
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDanish(input)).toBe(expected);
  });
});

describe('danishTokens', () => {
  it('never yields empty words and round-trips through normaliseDanish', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const tokens = danishTokens(s);
        return tokens.every((t) => t.length > 0 && !t.includes(' ')) && tokens.join(' ') === normaliseDanish(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('looseDanish', () => {
  it('lets Danish letters typed without æøå match', () => {
    expect(looseDanish(normaliseDanish('Søren'))).toBe(looseDanish(normaliseDanish('Soren')));
    expect(looseDanish(normaliseDanish('Fælledvej'))).toBe(looseDanish(normaliseDanish('Falledvej')));
    expect(looseDanish(normaliseDanish('Åse'))).toBe(looseDanish(normaliseDanish('Ase')));
  });

  it('keeps different vowels apart', () => {
    expect(looseDanish(normaliseDanish('Østergade'))).not.toBe(looseDanish(normaliseDanish('Vestergade')));
  });

  it('is idempotent on normalised text', () => {
    fc.assert(fc.property(danishText, (s) => {
      const once = looseDanish(normaliseDanish(s));
      return looseDanish(once) === once || /oe|aa|ae/.test(once);
    }));
  });
});
