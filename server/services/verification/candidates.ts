// Every question the register supports for one person, before the draw. What is left out, and why:
// - the current address and, while they live there, its municipality: anyone can buy them (Borgerservice);
// - earlier addresses equal to the current one, and municipalities equal to the current one;
// - names that are part of the current (public) name, and a birthplace in the current municipality;
// - questions whose parameters would be ambiguous (two addresses on one street, two children born in
//   one year, two children with one name, several former marriages);
// - facts from before the person could know them (addresses before 12, moves before 15);
// - the country of a stay abroad that is the person's country of birth (the birthplace: acquaintance knowledge);
// - with name/address protection: every question that shows or asks an address (moves are asked by a
//   year lived there, not by street; a municipality only of a past home, never today's).
import { countryName, municipalityAt } from '../../../shared/domain/geography/index';
import { normaliseDanish } from '../../../shared/domain/scoring/index';
import {
  addressFact,
  birthplaceNames,
  currentAddresses,
  currentMunicipalityCodes,
  currentNameWords,
  expectedAnswer,
  formerSurnames,
  parentsIn,
} from './expected-answer';
import { leakKeys, type LeakKeys } from './leaks';
import type { PlannedQuestion } from './plan';
import { questionKinds, type QuestionFamily } from './question-kinds';
import type { PersonFacts } from './register-facts';

export interface Candidate extends PlannedQuestion {
  family: QuestionFamily;
  /** Two candidates sharing a tag give each other away (same address, same child, same marriage, same date). */
  tags: string[];
  /** What the question shows and what answers it: the draw never pairs one that shows the other's answer. */
  leak: LeakKeys;
}

type Draft = Omit<Candidate, 'leak'>;

/** Picks one element; the engine passes node:crypto randomness. */
export type Pick = <T>(items: readonly T[]) => T;

const minAgeForAddress = 12;
const minAgeForMove = 15;

function ageAt(birthDate: string, isoDate: string): number {
  const years = Number(isoDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return isoDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Years the person lived at the address from 1 January to 31 December, old enough to remember it. */
function wholeYears(birthDate: string, movedIn: string, movedOut: string): number[] {
  const first = Number(movedIn.slice(0, 4)) + (movedIn.slice(5) === '01-01' ? 0 : 1);
  const last = Number(movedOut.slice(0, 4)) - 1;
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (ageAt(birthDate, `${y}-01-01`) >= minAgeForAddress) years.push(y);
  return years;
}

const streetKey = (street: string) => normaliseDanish(street);

function addressCandidates(facts: PersonFacts, pick: Pick): Draft[] {
  const out: Draft[] = [];
  const current = currentAddresses(facts);
  const currentMunicipalities = currentMunicipalityCodes(facts);
  const streetCount = new Map<string, number>();
  for (const a of facts.addresses) if (a.street) streetCount.set(streetKey(a.street), (streetCount.get(streetKey(a.street)) ?? 0) + 1);
  const sameAsCurrent = (street: string, house: string | null) =>
    current.some((c) => c.street && streetKey(c.street) === streetKey(street) && c.houseNumber === house);

  const isProtected = facts.nameAddressProtection;
  for (const a of facts.addresses) {
    if (!a.movedOut) continue;
    if (a.country !== 'DK' && a.country !== 'GL') {
      // A stay abroad: the country is asked by a year lived there, never shown. Not the country someone
      // was born in and grew up in: that is their birthplace, which acquaintances know.
      const years = wholeYears(facts.birthDate, a.movedIn, a.movedOut);
      const bornThere = facts.birthplaceKind === 'country' && countryName(a.country) === facts.birthplace;
      if (years.length > 0 && !bornThere) {
        out.push({ kind: 'country_in_year', params: { year: pick(years) }, strength: 0, ref: { t: 'address', seq: a.seq }, family: 'abroad', tags: [`address:${a.seq}`] });
      }
      continue;
    }
    const fact = addressFact(a);
    if (!fact || sameAsCurrent(fact.street, fact.houseNumber)) continue;
    const street = streetKey(fact.street);
    const ref = { t: 'address' as const, seq: a.seq };
    // An address given as an answer must not be shown by a move question, nor its municipality asked.
    const answerTags = [`address:${a.seq}`, `street:${street}`, `move-in:${a.seq}`, `move-out:${a.seq}`];
    const years = wholeYears(facts.birthDate, a.movedIn, a.movedOut);
    if (years.length > 0) {
      if (!isProtected) out.push({ kind: 'earlier_address', params: { year: pick(years) }, strength: 0, ref, family: 'address', tags: answerTags });
      // Under protection too: a municipality of years ago (never today's) says nothing of where the person lives.
      const year = pick(years);
      const municipality = municipalityAt(fact.postcode, `${year}-07-01`);
      if (municipality && !currentMunicipalities.has(municipality.code)) {
        // Two questions about one municipality would ask the same thing twice.
        out.push({ kind: 'municipality_in_year', params: { year }, strength: 0, ref, family: 'address', tags: [`address:${a.seq}`, `municipality:${municipality.code}`, `municipality-of:${a.seq}`] });
      }
    }
    // The move question names the home by its street, or, under protection, by a year lived there (no
    // address shown at all). A street shown must name one address only.
    const label: Record<string, string | number> | null = isProtected ? (years.length > 0 ? { year: pick(years) } : null) : (streetCount.get(street) ?? 0) === 1 ? { street: fact.street } : null;
    if (!label) continue;
    const isBirthHome = a.movedIn === facts.birthDate;
    // Moving in and moving out of one home give nothing of each other away: both may be asked. A street
    // shown may tell the town, so not with that home's municipality question.
    const shown = 'street' in label ? [`municipality-of:${a.seq}`] : [];
    if (!isBirthHome && ageAt(facts.birthDate, a.movedIn) >= minAgeForMove) {
      out.push({ kind: 'address_move_in', params: label, strength: 0, ref, family: 'moves', tags: [`move-in:${a.seq}`, `month:${a.movedIn.slice(0, 7)}`, ...shown] });
    }
    if (ageAt(facts.birthDate, a.movedOut) >= minAgeForMove) {
      out.push({ kind: 'address_move_out', params: label, strength: 0, ref, family: 'moves', tags: [`move-out:${a.seq}`, `month:${a.movedOut.slice(0, 7)}`, ...shown] });
    }
  }
  // The month of the move into the home the person lives in now: the question shows no address.
  const home = current.length === 1 ? current[0] : undefined;
  if (home && home.movedIn !== facts.birthDate && ageAt(facts.birthDate, home.movedIn) >= minAgeForMove) {
    out.push({ kind: 'current_move_in', params: {}, strength: 0, ref: { t: 'address', seq: home.seq }, family: 'moves', tags: [`move-in:${home.seq}`, `month:${home.movedIn.slice(0, 7)}`] });
  }
  return out;
}

function familyCandidates(facts: PersonFacts): Draft[] {
  const out: Draft[] = [];
  const ownNames = currentNameWords(facts);
  const sharesOwnName = (firstNames: string) => firstNames.split(/\s+/).some((w) => ownNames.has(w.toLowerCase()));

  for (const role of ['mother', 'father'] as const) {
    const parents = parentsIn(facts, role);
    if (parents.length === 0 || parents.some((p) => sharesOwnName(p.firstNames))) continue;
    out.push({
      kind: 'parent_first_name',
      params: { parent: role },
      strength: 0,
      ref: { t: 'parent', role },
      family: 'parents',
      tags: parents.map((p) => `person:${p.hmac}`),
    });
  }

  const current = facts.marriages.filter((m) => m.to === null);
  const former = facts.marriages.filter((m) => m.to !== null);
  const marriageQuestions = (m: (typeof facts.marriages)[number], when: 'current' | 'former') => {
    const tags = [`marriage:${m.seq}`, ...(m.spouse ? [`person:${m.spouse.hmac}`] : [])];
    const ref = { t: 'marriage' as const, seq: m.seq };
    if (m.spouse && !sharesOwnName(m.spouse.firstNames)) {
      out.push({ kind: 'spouse_first_name', params: { when }, strength: 0, ref, family: 'marriage', tags });
    }
    out.push({ kind: 'marriage_year', params: { when }, strength: 0, ref, family: 'marriage', tags });
  };
  if (current.length === 1 && current[0]) marriageQuestions(current[0], 'current');
  // "Your former spouse" must mean one person.
  if (former.length === 1 && former[0]) marriageQuestions(former[0], 'former');
  const divorces = facts.marriages.filter((m) => m.to !== null && m.endedBy !== 'widowed');
  if (divorces.length === 1 && divorces[0]) {
    const m = divorces[0];
    out.push({ kind: 'divorce_year', params: {}, strength: 0, ref: { t: 'marriage', seq: m.seq }, family: 'marriage', tags: [`marriage:${m.seq}`] });
  }

  const firstName = (c: (typeof facts.children)[number]) => c.firstNames.split(/\s+/)[0] ?? c.firstNames;
  for (const child of facts.children) {
    const year = Number(child.birthDate.slice(0, 4));
    const tags = [`person:${child.hmac}`];
    const ref = { t: 'child' as const, h: child.hmac };
    if (facts.children.filter((c) => c.birthDate.slice(0, 4) === child.birthDate.slice(0, 4)).length === 1 && !sharesOwnName(child.firstNames)) {
      out.push({ kind: 'child_first_name', params: { birthYear: year }, strength: 0, ref, family: 'children', tags });
    }
    const name = firstName(child);
    if (facts.children.filter((c) => firstName(c).toLowerCase() === name.toLowerCase()).length === 1) {
      out.push({ kind: 'child_birth_year', params: { childFirstName: name }, strength: 0, ref, family: 'children', tags });
    }
  }

  if (birthplaceNames(facts).length > 0) {
    out.push({ kind: 'place_of_birth', params: {}, strength: 0, ref: { t: 'birthplace' }, family: 'origin', tags: ['birthplace'] });
  }
  if (formerSurnames(facts).length > 0) {
    out.push({ kind: 'former_surname', params: {}, strength: 0, ref: { t: 'former_surname' }, family: 'origin', tags: ['former-surname'] });
  }
  return out;
}

/** The candidates for one person, each with its kind's strength; only those whose fact resolves. */
export function buildCandidates(facts: PersonFacts, pick: Pick): Candidate[] {
  const all = [...addressCandidates(facts, pick), ...familyCandidates(facts)];
  return all.flatMap((c) => {
    const expected = expectedAnswer(c, facts);
    return expected ? [{ ...c, strength: questionKinds[c.kind].strength, leak: leakKeys(c.params, expected) }] : [];
  });
}
