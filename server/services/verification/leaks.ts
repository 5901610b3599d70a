// No question of a call may give away the answer to another: a child's name shown in one question that is
// the spouse's name asked in another, a year shown that is the wedding year asked, a street shown whose
// name holds the town asked. Each candidate carries what its question shows and what its answer is, as
// normalised words; the draw never puts two together where one's shown words hold the other's answer.
import { danishTokens, looseDanish } from '../../../shared/domain/scoring/index';
import type { ExpectedAnswer } from './expected-answer';

export interface LeakKeys {
  /** Words the question's text shows (its parameters), loosely normalised; years as digits. */
  shows: string[];
  /** Each accepted answer as a run of words (a name, a place, a year). */
  answers: string[][];
}

const words = (text: string) => danishTokens(text).map(looseDanish);

// Words that are part of many place names and say nothing on their own.
const generic = new Set(['sogn', 'domsogn', 'kommune', 'sankt', 'skt', 'vor', 'frue', 'frelsers', 'the', 'og', 'de']);

export function leakKeys(params: Record<string, string | number>, expected: ExpectedAnswer): LeakKeys {
  const shows = Object.values(params).flatMap((v) => (typeof v === 'number' ? [String(v)] : words(v)));
  let answers: string[][];
  switch (expected.format) {
    case 'address':
      answers = [words(expected.fact.street), words(expected.fact.town)];
      break;
    case 'date':
      answers = [[String(expected.fact.year)]];
      break;
    default:
      answers = expected.acceptedNames.map(words);
  }
  return { shows, answers: answers.map((a) => a.filter((w) => !generic.has(w))).filter((a) => a.length > 0) };
}

function containsRun(haystack: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= haystack.length; i++) if (run.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}

/** True when either question shows what answers the other. */
export function givesAway(a: LeakKeys, b: LeakKeys): boolean {
  return a.answers.some((run) => containsRun(b.shows, run)) || b.answers.some((run) => containsRun(a.shows, run));
}
