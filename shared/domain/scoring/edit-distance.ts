// Bounded optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions),
// used only to forgive small typos in long names. Bounded so a long garbage answer costs O(n·max).

let rows = new Int32Array(96);

/**
 * Edit distance between a and b, or max + 1 as soon as it is certain to exceed max.
 * Insert, delete, substitute and swap two adjacent letters each cost 1.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const limit = Math.max(0, Math.floor(max));
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const n = b.length;
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  // Three rolling rows in one reused buffer (no allocation per call): two back, previous, current.
  const width = n + 1;
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  const big = limit + 1;
  for (let i = 1; i <= a.length; i++) {
    // Only cells within `limit` of the diagonal can stay within the bound (Ukkonen's band);
    // the cells just outside the band are set to "too far" for the next row to read.
    const jStart = Math.max(1, i - limit);
    const jEnd = Math.min(n, i + limit);
    rows[cur + jStart - 1] = jStart === 1 ? i : big;
    if (jEnd < n) rows[cur + jEnd + 1] = big;
    let rowMin = big;
    const ai = a.charCodeAt(i - 1);
    for (let j = jStart; j <= jEnd; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, rows[prev2 + j - 2]! + 1);
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = rows[prev + n]!;
  return d > limit ? limit + 1 : d;
}

/**
 * How many typos a name of this length may carry and still count: none up to 6 letters (short names
 * differ by one letter: Vester/Øster, Vejle/Vejen), one from 7. Never two: Kronprinsessegade and
 * Kronprinsensgade are two streets two edits apart.
 */
export function allowedTypos(length: number): number {
  return length >= 7 ? 1 : 0;
}

const VOWEL = /^[aeiouy]$/;

/** One vowel heard or typed for another usually makes another name (Frederiksberg/Frederiksborg). */
function onlyVowelSwapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      if (at >= 0) return false;
      at = i;
    }
  }
  return at >= 0 && VOWEL.test(a[at] ?? '') && VOWEL.test(b[at] ?? '');
}

/**
 * True when candidate is expected up to the typos its length allows: same first letter, and a
 * vowel replaced by another vowel does not count as a typo.
 */
export function closeEnough(candidate: string, expected: string): boolean {
  if (candidate === expected) return true;
  if (candidate.length === 0 || expected.length === 0 || candidate[0] !== expected[0]) return false;
  const max = allowedTypos(expected.length);
  if (max === 0 || onlyVowelSwapped(candidate, expected)) return false;
  return boundedEditDistance(candidate, expected, max) <= max;
}
