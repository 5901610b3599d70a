// Scores a municipality name: "Københavns Kommune", "København", "Aarhus"/"Århus"; the engine passes
// every name valid for the period asked about (the 271 pre-2007 municipalities and the 98 after).
import type { MunicipalityFact } from './fact-types';
import { scoreAcceptedName, type AcceptedNameOptions } from './match-accepted-name';

const OPTIONS: AcceptedNameOptions = {
  suffixes: new Set(['kommune', 'kommunes', 'kommun', 'municipality', 'amtskommune', 'storkommune']),
  prefixes: new Set(['i', 'in', 'fra', 'det', 'var', 'jeg', 'boede', 'kommune']),
};

/** 1 for an accepted name (case, æ/ae, spacing, hyphens and "Kommune" aside), else 0. */
export function scoreMunicipality(answer: string, expected: MunicipalityFact): number {
  return scoreAcceptedName(answer, expected.acceptedNames, OPTIONS);
}
