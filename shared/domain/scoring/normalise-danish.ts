// Danish text normalisation for comparing typed answers. Pure and total: any string in, a string out.
//
// The canonical form is lower-case ASCII-ish text where æ/ä → "ae", ø/ö → "oe", å → "aa" (so
// "Århus" and "Aarhus" become the same string), other diacritics are stripped (é → e, ü → u),
// every run of characters that is not a letter or digit becomes one space, and the result is trimmed.

// Letters NFD does not decompose, or that we fold to a digraph rather than a bare base letter.
const SPECIAL: Readonly<Record<string, string>> = {
  æ: 'ae',
  ä: 'ae',
  ø: 'oe',
  ö: 'oe',
  å: 'aa',
  ß: 'ss',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

// Anything outside printable ASCII takes the slow path (controls too: harmless, they become spaces).
const NON_ASCII = /[^ -~]/;
// Precomposed so NFD does not split them before SPECIAL sees them.
const SPECIAL_CHARS = /[æäøöåßœłđðþı]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_ALNUM_ASCII = /[^a-z0-9]+/g;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;

function foldOnce(input: string): string {
  let s = input.toLowerCase();
  if (NON_ASCII.test(s)) {
    // Fast path: text whose only non-ASCII letters are æøå and friends needs no Unicode normalisation.
    const folded = s.replace(SPECIAL_CHARS, (c) => SPECIAL[c] ?? c);
    if (!NON_ASCII.test(folded)) return folded.replace(NOT_ALNUM_ASCII, ' ').trim();
    // NFC first so "a" + combining ring becomes "å" and folds to "aa" like the precomposed letter.
    s = s.normalize('NFC').replace(SPECIAL_CHARS, (c) => SPECIAL[c] ?? c);
    s = s.normalize('NFD').replace(COMBINING_MARKS, '');
    return s.replace(NOT_ALNUM, ' ').trim();
  }
  return s.replace(NOT_ALNUM_ASCII, ' ').trim();
}

/** Canonical form of a typed answer. Idempotent: normaliseDanish(normaliseDanish(s)) === normaliseDanish(s). */
export function normaliseDanish(input: string): string {
  const once = foldOnce(input);
  if (!NON_ASCII.test(once)) return once;
  // Exotic scripts can lower-case or decompose into characters that fold further; iterate to a
  // fixed point (bounded) so idempotence holds for every input, not just Latin text.
  let prev = once;
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(prev);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

/** The words of an answer after normalisation (never contains empty strings). */
export function danishTokens(input: string): string[] {
  const s = normaliseDanish(input);
  return s === '' ? [] : s.split(' ');
}

const LOOSE = /oe|aa|ae/g;
const LOOSE_MAP: Readonly<Record<string, string>> = { oe: 'o', aa: 'a', ae: 'a' };

/**
 * A looser key for an already-normalised string: ø/oe → o, å/aa → a, æ/ae → a. Callers who type on
 * a keyboard without æøå write "Soren", "Norregade", "Falledvej"; this key lets those match.
 * Used for equality only, never to decide that two different names are close.
 */
export function looseDanish(normalised: string): string {
  return normalised.replace(LOOSE, (d) => LOOSE_MAP[d] ?? d);
}
