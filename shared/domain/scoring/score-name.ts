// Scores a spoken first name (or former surname) against the names the register accepts.
import type { NameFact } from './fact-types';
import { danishTokens } from './normalise-danish';
import { nameKey, sameName } from './name-key';

// Words around a name that carry nothing ("han hedder Søren", "Anne og Marie").
const FILLER = new Set([
  'han', 'hun', 'jeg', 'hedder', 'heder', 'hed', 'hede', 'det', 'er', 'var', 'og', 'min', 'mit', 'mine', 'hans', 'hendes',
  'navn', 'navnet', 'fornavn', 'fornavne', 'fornavnet', 'efternavn', 'efternavnet', 'tror', 'name', 'is', 'her', 'his',
  // "min mor hedder …", "min søn hed …", "mit pigenavn var …"
  'mor', 'far', 'moder', 'fader', 'mother', 'father', 'my', 'soen', 'son', 'daughter', 'wife', 'husband', 'datter', 'barn', 'kone', 'mand', 'hustru',
  'aegtefaelle', 'eks', 'ekskone', 'eksmand', 'pigenavn', 'pigenavnet', 'vores', 'hedte', 'aeldste', 'yngste',
]);

/**
 * 1 when the answer names at least one accepted name in full and every other word in it belongs
 * to an accepted name too; otherwise 0. A name that merely contains the right one (Annette for
 * Anne) or a list with a wrong name in it ("Anne eller Peter") scores 0, so listing guesses never pays.
 */
export function scoreName(answer: string, expected: NameFact): number {
  if (typeof answer !== 'string') return 0;
  const accepted = expected.acceptedNames.map((n) => danishTokens(n).map(nameKey)).filter((n) => n.length > 0);
  const known = accepted.flat();
  const tokens = danishTokens(answer);
  // The relative's surname after the first name ("Mads Holm") adds nothing; alone it is not the answer.
  const surnames = (expected.surnames ?? []).flatMap((n) => danishTokens(n)).map(nameKey);
  while (tokens.length > 1 && surnames.includes(nameKey(tokens.at(-1) ?? '')) && !known.includes(nameKey(tokens.at(-1) ?? ''))) tokens.pop();
  const words: string[] = [];
  for (const word of tokens) {
    const key = nameKey(word);
    // A filler word is still a name when the person has it ("han hedder Hans").
    if (known.some((k) => sameName(key, k))) words.push(key);
    else if (!FILLER.has(word)) return 0;
  }
  if (words.length === 0) return 0;
  return accepted.some((name) => containsRun(words, name)) ? 1 : 0;
}

// The accepted name's words appear together, in order (so "Anne-Marie" needs both words).
function containsRun(words: readonly string[], name: readonly string[]): boolean {
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((n, j) => sameName(words[i + j] ?? '', n))) return true;
  }
  return false;
}
