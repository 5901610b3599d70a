// Scores a place of birth: a parish or town ("Vor Frue Sogn", "Vor Frue") or a country with its aliases.
import type { PlaceFact } from './fact-types';
import { scoreAcceptedName, type AcceptedNameOptions } from './match-accepted-name';

const OPTIONS: AcceptedNameOptions = {
  suffixes: new Set(['sogn', 'sogns', 'parish', 'pastorat', 'landsogn', 'kommune', 'kommunes']),
  prefixes: new Set(['i', 'in', 'fra', 'paa', 'foedt', 'born', 'jeg', 'er', 'blev', 'han', 'hun', 'det', 'var']),
};

/** 1 for an accepted name or alias ("Sogn" optional), else 0. */
export function scorePlace(answer: string, expected: PlaceFact): number {
  return scoreAcceptedName(answer, expected.acceptedNames, OPTIONS);
}
