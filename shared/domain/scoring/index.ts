// Answer scoring for caller verification: pure, total functions returning a score in [0, 1].
export type { AddressFact, DateFact, DatePrecision, MunicipalityFact, NameFact, PlaceFact } from './fact-types';
export { normaliseDanish, danishTokens, looseDanish } from './normalise-danish';
export { boundedEditDistance, allowedTypos, closeEnough } from './edit-distance';
export { scoreAddress, OMITTED_PART_FACTOR, STREET_TYPO_FACTOR, CONTRADICTION_FACTOR } from './score-address';
export { scoreDate, DATE_CREDIT } from './score-date';
export { scoreName } from './score-name';
export { scoreMunicipality } from './score-municipality';
export { scorePlace } from './score-place';
