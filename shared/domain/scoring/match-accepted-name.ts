// Shared matcher for municipality and place answers: one of several accepted names, with an optional
// trailing word ("Kommune", "Sogn") and its genitive ("Københavns Kommune" = "København").
import { closeEnough } from './edit-distance';
import { danishTokens, looseDanish } from './normalise-danish';

export interface AcceptedNameOptions {
  /** Words that may follow the name and add nothing: "kommune", "sogn". */
  readonly suffixes: ReadonlySet<string>;
  /** Words that may precede the name and add nothing: "i", "fra". */
  readonly prefixes: ReadonlySet<string>;
}

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['kbh', 'koebenhavn'], ['skt', 'sankt'], ['st', 'sankt'], ['sct', 'sankt'], ['gl', 'gammel'], ['nr', 'noerre'], ['sdr', 'soender'],
]);

/** The keys an answer or accepted name stands for: with and without a suffix and its genitive s. */
function keys(text: string, options: AcceptedNameOptions): string[] {
  const words = danishTokens(text).map((w) => ABBREVIATIONS.get(w) ?? w);
  let start = 0;
  while (start < words.length - 1 && options.prefixes.has(words[start] ?? '')) start++;
  let end = words.length;
  let suffixed = false;
  while (end - 1 > start && options.suffixes.has(words[end - 1] ?? '')) {
    end--;
    suffixed = true;
  }
  const core = looseDanish(words.slice(start, end).join(''));
  if (core === '') return [];
  const out = [core];
  // "Københavns Kommune", "Vor Frues Sogn": the genitive s belongs to the suffix.
  if (suffixed && core.endsWith('s') && core.length > 3) out.push(core.slice(0, -1));
  // A place whose name starts with a filler word ("Han Herred") keeps it too.
  if (start > 0) out.push(looseDanish(words.slice(0, end).join('')));
  return out;
}

/** 1 when the answer is one of the accepted names (a typo allowed in a long name), else 0. */
export function scoreAcceptedName(answer: string, acceptedNames: readonly string[], options: AcceptedNameOptions): number {
  if (typeof answer !== 'string') return 0;
  const given = keys(answer, options);
  if (given.length === 0) return 0;
  const accepted = acceptedNames.flatMap((n) => keys(n, options));
  for (const g of given) if (accepted.includes(g)) return 1;
  for (const g of given) for (const a of accepted) if (closeEnough(g, a)) return 1;
  return 0;
}
