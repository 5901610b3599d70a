// Street names in a comparable form: abbreviations expanded ("Nørreg." → nørregade, "Sankt"/"Skt." → one
// form, "H.C." → hans christian), spaces dropped, æøå loosened. The street type at the end (gade, vej,
// allé, …) must match exactly; only the rest may carry a typo, so Nørregade never matches Nørre Allé.
import { closeEnough } from './edit-distance';
import { looseDanish } from './normalise-danish';

// Abbreviations that may stand anywhere in the name (tokens are already normalised).
const WORD_ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['sankt', ['skt']],
  ['sct', ['skt']],
  ['gl', ['gammel']],
  ['gml', ['gammel']],
  ['nr', ['noerre']],
  ['ndr', ['nordre']],
  ['sdr', ['soender']],
  ['hc', ['hans', 'christian']],
  ['chr', ['christian']],
]);

// Abbreviations of the street type, which only stand last.
const TYPE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['g', 'gade'],
  ['gd', 'gade'],
  ['v', 'vej'],
  ['pl', 'plads'],
  ['str', 'straede'],
  ['blvd', 'boulevard'],
  ['boul', 'boulevard'],
  ['all', 'alle'],
]);
// The same abbreviations glued to the name: "nørreg", "kongev", "rådhuspl", "kompagnistr".
const GLUED_TYPE = /(blvd|boul|str|pl|gd|g|v)$/;

// Street types, longest first so "vejen" wins over "vej". Loose forms (æ→a, ø→o, å→a).
const STREET_TYPES = [
  'boulevarden', 'boulevard', 'promenade', 'passagen', 'passage', 'stradet', 'strade', 'vanget', 'vange',
  'pladsen', 'plads', 'parken', 'park', 'haven', 'have', 'stien', 'sti', 'bakken', 'bakke', 'vejen', 'vej',
  'gaden', 'gade', 'alle', 'torvet', 'torv', 'kajen', 'kaj', 'gyde', 'ringen', 'ring', 'vang', 'toften', 'toft',
  'diget', 'dige', 'hoj', 'engen', 'marken', 'lunden', 'lund', 'hegnet', 'hegn', 'holm', 'kvarter', 'gangen', 'gang',
].sort((a, b) => b.length - a.length);

export interface CanonicalStreet {
  /** Loose key of the whole name, without spaces (æ/ø/å and ae/oe/aa folded to a/o/a). */
  readonly key: string;
  /** The street type at the end of key ("" when none is recognised). */
  readonly type: string;
  /** key without its type: the part that may carry a typo. */
  readonly stem: string;
  /** The name without spaces before loosening: typos are also measured here ("nørregdae"). */
  readonly strict: string;
  /** First word: "skt" or "store" lets an answer's ambiguous "st." stand for it. */
  readonly first: string;
  /** Every word, expanded: "soendre" lets an answer's "sdr." stand for Søndre rather than Sønder. */
  readonly words: readonly string[];
}

// Abbreviations that stand for either of two words; resolved to the one the expected street has.
const AMBIGUOUS: ReadonlyMap<string, readonly string[]> = new Map([
  ['sdr', ['soender', 'soendre']],
  ['ndr', ['nordre', 'noerre']],
]);

function expandTokens(tokens: readonly string[], expected: CanonicalStreet | null): string[] {
  const first = expected?.first ?? null;
  const out: string[] = [];
  const last = tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    const t = tokens[i] ?? '';
    // "St." opens both Sankt- and Store- names; resolve it to the expected one when that is either.
    if (i === 0 && t === 'st' && last > 0) {
      out.push(first === 'store' ? 'store' : 'skt');
      continue;
    }
    if (t === 'h' && tokens[i + 1] === 'c') {
      out.push('hans', 'christian');
      i++;
      continue;
    }
    const either = AMBIGUOUS.get(t);
    if (either && expected) {
      out.push(either.find((w) => expected.words.includes(w)) ?? either[0] ?? t);
      continue;
    }
    const word = WORD_ABBREVIATIONS.get(t);
    if (word) {
      out.push(...word);
      continue;
    }
    if (i === last && i > 0) {
      const type = TYPE_ABBREVIATIONS.get(t);
      if (type) {
        out.push(type);
        continue;
      }
    }
    if (i === last && t.length > 3) {
      const m = GLUED_TYPE.exec(t);
      if (m && m[1]) {
        const type = TYPE_ABBREVIATIONS.get(m[1]) ?? '';
        out.push(t.slice(0, t.length - m[1].length) + type);
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

function typeOf(key: string): string {
  for (const type of STREET_TYPES) {
    if (key.length > type.length && key.endsWith(type)) return type;
  }
  return '';
}

/** True when the words end in a whole street type ("hunderupvej", "nørre allé"), not an abbreviation. */
export function endsWithStreetType(tokens: readonly string[]): boolean {
  return typeOf(looseDanish(tokens.join(''))) !== '';
}

/** Canonical form of the register's street name (normalised tokens). */
export function canonicalStreet(tokens: readonly string[]): CanonicalStreet {
  const expanded = expandTokens(tokens, null);
  const strict = expanded.join('');
  const key = looseDanish(strict);
  const type = typeOf(key);
  return { key, type, stem: key.slice(0, key.length - type.length), strict, first: expanded[0] ?? '', words: expanded };
}

export type StreetMatch = 'exact' | 'typo' | 'none';

/** Compares the street words of an answer (normalised tokens) with the expected street. */
export function matchStreet(answerTokens: readonly string[], expected: CanonicalStreet): StreetMatch {
  if (answerTokens.length === 0) return 'none';
  const strict = expandTokens(answerTokens, expected).join('');
  const key = looseDanish(strict);
  if (key === expected.key) return 'exact';
  const type = typeOf(key);
  if (type !== '' && type !== expected.type) return 'none';
  if (type === '') {
    // A typo inside the type itself ("vestergde", "nørregdae"): the whole name must be close.
    return closeEnough(key, expected.key) || closeEnough(strict, expected.strict) ? 'typo' : 'none';
  }
  // Same type: the typo must be in the rest, judged by the rest's own length.
  const stem = key.slice(0, key.length - type.length);
  return closeEnough(stem, expected.stem) ? 'typo' : 'none';
}
