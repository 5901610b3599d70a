// Scores a typed address against the register's address. See README "How answers are scored".
import { closeEnough } from './edit-distance';
import type { AddressFact } from './fact-types';
import { danishTokens, looseDanish, normaliseDanish } from './normalise-danish';
import { parseAddress, type ParsedAddress } from './parse-address';
import { canonicalStreet, endsWithStreetType, matchStreet, type CanonicalStreet } from './street-name';

/** Credit when the caller leaves out a floor or door the register has (each). */
export const OMITTED_PART_FACTOR = 0.95;
/** Credit when a tolerated typo was needed to match the street name. */
export const STREET_TYPO_FACTOR = 0.95;
/** Credit for each part given that contradicts the register (floor, door, postcode, town, stray words). */
export const CONTRADICTION_FACTOR = 0.5;

interface PreparedAddress {
  street: CanonicalStreet;
  houseNumber: string;
  letter: string | null;
  floor: string | null;
  door: string | null;
  postcode: string;
  townKey: string;
  /** The town without words the parser reads as filler ("Alluitsup Paa" → alluitsup): what arrives of it. */
  townKeyAsParsed: string;
  district: string | null;
}

// Words parse-address drops after the house number ("på", "i", "til"): a town may contain them.
const TOWN_WORDS_DROPPED = new Set(['paa', 'i', 'til', 'for', 'og', 'den', 'sal', 'etage']);

const HOUSE = /^0*(\d+)\s*([a-z]?)/;
// Postal district letters after a town name: "Aarhus C", "København K", "Odense SV", "Viby J",
// "Nykøbing M"; typed without ø they arrive as "so"/"no"/"o".
const DISTRICT = /(?:^| )(c|k|v|n|s|o|oe|sv|nv|so|no|soe|noe|m|j|f|sj)$/;
const TOWN_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['kbh', 'koebenhavn'], ['cph', 'koebenhavn']]);

function canonicalFloor(raw: string | null | undefined): string | null {
  const s = normaliseDanish(raw ?? '');
  if (s === '') return null;
  if (s === 'st' || s === 'stuen') return 'st';
  if (s === 'kl' || s === 'kaelder') return 'kl';
  return /^\d+$/.test(s) ? String(Number(s)) : s;
}

function canonicalDoor(raw: string | null | undefined): string | null {
  const s = normaliseDanish(raw ?? '').replace(/ /g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? String(Number(s)) : s;
}

function townKey(words: string): string {
  const t = words.split(' ').map((w) => TOWN_ABBREVIATIONS.get(w) ?? w).join('');
  return looseDanish(t);
}

// Parsed on every call: cheaper than a WeakMap cache (whose entries for short-lived facts cost more
// in garbage collection than the parse), and no copy of the register's answer outlives the call.
function prepare(fact: AddressFact): PreparedAddress {
  const house = HOUSE.exec(normaliseDanish(fact.houseNumber).replace(/ /g, ''));
  const town = splitDistrict(normaliseDanish(fact.town));
  return {
    street: canonicalStreet(danishTokens(fact.street)),
    houseNumber: house?.[1] ?? '',
    letter: house?.[2] ? house[2] : null,
    floor: canonicalFloor(fact.floor),
    door: canonicalDoor(fact.door),
    postcode: normaliseDanish(fact.postcode),
    townKey: townKey(town.name),
    townKeyAsParsed: townKey(town.name.split(' ').filter((w) => !TOWN_WORDS_DROPPED.has(w)).join(' ')),
    district: town.district,
  };
}

function splitDistrict(town: string): { name: string; district: string | null } {
  const m = DISTRICT.exec(town);
  if (!m || m.index === 0) return { name: town, district: null };
  return { name: town.slice(0, m.index), district: m[1] ?? null };
}

// The district may be left out ("8000 Aarhus"), but a different one (Aarhus N for Aarhus C) contradicts.
function townMatches(words: readonly string[], fact: PreparedAddress): boolean {
  const town = splitDistrict(words.join(' '));
  if (town.district !== null && fact.district !== null && looseDanish(town.district) !== looseDanish(fact.district)) return false;
  // "Viby" for Viby J, and a district letter the register does not have ("Nykøbing M" when it says Nykøbing Mors).
  if (closeEnough(townKey(town.name), fact.townKey) || townKey(town.name) === fact.townKeyAsParsed) return true;
  return town.district !== null && fact.district === null && closeEnough(townKey(words.join(' ')), fact.townKey);
}

/**
 * Number first and a town without postcode ("15c hunderupvej nykøbing m") reach the parser as one run of
 * street words. When the whole run is no street, the longest leading part that is the register's street
 * is the street and the rest is the town.
 */
function splitStreetAndTown(parsed: ParsedAddress, street: CanonicalStreet): ParsedAddress {
  if (parsed.town.length > 0 || parsed.street.length < 2 || matchStreet(parsed.street, street) !== 'none') return parsed;
  for (let i = parsed.street.length - 1; i >= 1; i--) {
    const head = parsed.street.slice(0, i);
    // A typo only after a whole street type ("…vej", "… Allé"): read as a glued abbreviation,
    // "Jægersborg" would be "Jægersbor-g." and a typo from Jægersborggade.
    const match = matchStreet(head, street);
    if (match === 'exact' || (match === 'typo' && endsWithStreetType(head))) return { ...parsed, street: head, town: parsed.street.slice(i) };
  }
  return parsed;
}

/** 1 for the register's address, 0 for another address; see the factors above for what lies between. */
export function scoreAddress(answer: string, expected: AddressFact): number {
  if (typeof answer !== 'string') return 0;
  const fact = prepare(expected);
  if (fact.houseNumber === '' || fact.street.key === '') return 0;
  const parsed = splitStreetAndTown(parseAddress(danishTokens(answer)), fact.street);
  if (parsed.houseNumber !== fact.houseNumber || parsed.letter !== fact.letter) return 0;
  const street = matchStreet(parsed.street, fact.street);
  if (street === 'none') return 0;

  let score = street === 'typo' ? STREET_TYPO_FACTOR : 1;
  score *= partFactor(parsed.floor, fact.floor);
  score *= partFactor(parsed.door, fact.door);
  if (parsed.postcode !== null && parsed.postcode !== fact.postcode) score *= CONTRADICTION_FACTOR;
  if (parsed.town.length > 0 && !townMatches(parsed.town, fact)) score *= CONTRADICTION_FACTOR;
  if (parsed.extra.length > 0) score *= CONTRADICTION_FACTOR;
  return score;
}

function partFactor(given: string | null, expected: string | null): number {
  if (given === null) return expected === null ? 1 : OMITTED_PART_FACTOR;
  return given === expected ? 1 : CONTRADICTION_FACTOR;
}
