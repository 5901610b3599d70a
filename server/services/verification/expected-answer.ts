// Resolves a planned question to the register fact its answer is scored against, and scores an answer.
// Used when drawing (a question is only planned if its fact resolves) and again when the answer arrives,
// from a fresh read of the register: the expected answer is never stored.
import {
  birthplaceAcceptedNames,
  countryAliases,
  countryName,
  parishMunicipalityCode,
  postcodeByCode,
} from '../../../shared/domain/geography/index';
import { scoreAddress, scoreDate, scoreMunicipality, scoreName, scorePlace } from '../../../shared/domain/scoring/index';
import type { AddressFact, DateFact } from '../../../shared/domain/scoring/index';
import type { PlannedQuestion } from './plan';
import { municipalityLookupOf, type AddressRow, type FactPart, type Marriage, type PersonFacts, type Relative } from './register-facts';

export type ExpectedAnswer =
  | { format: 'address'; fact: AddressFact }
  | { format: 'date'; fact: DateFact; precision: 'year' | 'month' }
  | { format: 'name'; acceptedNames: string[]; surnames?: string[] }
  | { format: 'municipality' | 'place'; acceptedNames: string[] };

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));
const monthOf = (isoDate: string) => Number(isoDate.slice(5, 7));
const words = (s: string | null | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

/** Every first name alone and the full run ("Anne Marie" → Anne Marie, Anne, Marie). */
export function firstNameVariants(firstNames: string): string[] {
  return [...new Set([firstNames.trim(), ...words(firstNames)])].filter(Boolean);
}

/** The words of the person's current name: anyone can buy it, so no answer may be one of them. */
export function currentNameWords(facts: PersonFacts): Set<string> {
  return new Set([facts.firstNames, facts.middleName, facts.lastName].flatMap(words).map((w) => w.toLowerCase()));
}

export function currentAddresses(facts: PersonFacts): AddressRow[] {
  return facts.addresses.filter((a) => a.movedOut === null);
}

/** The municipality codes of the current address(es): never asked about, never an accepted answer. */
export function currentMunicipalityCodes(facts: PersonFacts): Set<string> {
  const codes = new Set<string>();
  for (const a of currentAddresses(facts)) {
    const code = (a.postcode ? postcodeByCode(a.postcode)?.municipalityCode : undefined) ?? a.municipalityCode;
    if (code) codes.add(code);
  }
  return codes;
}

export function addressFact(a: AddressRow): AddressFact | null {
  if (!a.street || !a.houseNumber || !a.postcode || !a.town) return null;
  return { street: a.street, houseNumber: a.houseNumber, floor: a.floor, door: a.door, postcode: a.postcode, town: a.town };
}

export function parentsIn(facts: PersonFacts, role: 'mother' | 'father'): Relative[] {
  return facts.parents.filter((p) => p.sex === (role === 'mother' ? 'female' : 'male'));
}

/** Surnames the person has left behind that are not part of the current (public) name. */
export function formerSurnames(facts: PersonFacts): string[] {
  const current = currentNameWords(facts);
  const names = facts.formerNames.map((n) => n.lastName).filter((n) => !words(n).some((w) => current.has(w.toLowerCase())));
  return [...new Set(names)];
}

/**
 * The birthplace and what people call it: for a parish its town and municipality (people name the town,
 * not the parish), for a country its everyday name. Empty when the parish lies in the municipality the
 * person lives in now: that answer is public.
 */
export function birthplaceNames(facts: PersonFacts): string[] {
  if (facts.birthplaceKind === 'country') return countryAliases(facts.birthplace);
  const code = parishMunicipalityCode(facts.birthplace);
  if (code && currentMunicipalityCodes(facts).has(code)) return [];
  return birthplaceAcceptedNames(facts.birthplace);
}

/** A relative's first name as the answer, their surnames allowed after it ("Mads Holm"). */
function relativeName(r: Relative): ExpectedAnswer {
  return { format: 'name', acceptedNames: firstNameVariants(r.firstNames), surnames: words(r.surnames) };
}

function marriageBySeq(facts: PersonFacts, seq: number): Marriage | undefined {
  return facts.marriages.find((m) => m.seq === seq);
}

/** What to read from the register to score an answer to this question: no more than it needs. */
export function factPartsFor(q: PlannedQuestion): FactPart[] {
  switch (q.ref.t) {
    case 'address':
      return ['addresses'];
    case 'birthplace':
      // The birthplace is checked against the current municipality again.
      return ['person', 'addresses'];
    case 'parent':
    case 'child':
      return ['relations'];
    case 'marriage':
      return ['civil'];
    case 'former_surname':
      // Former surnames are checked against the current name again.
      return ['person', 'names'];
  }
}

/** The fact a planned question asks about, or null when the register no longer holds it. */
export function expectedAnswer(q: PlannedQuestion, facts: PersonFacts): ExpectedAnswer | null {
  const ref = q.ref;
  switch (q.kind) {
    case 'earlier_address':
    case 'address_move_in':
    case 'address_move_out':
    case 'current_move_in':
    case 'country_in_year':
    case 'municipality_in_year': {
      if (ref.t !== 'address') return null;
      const a = facts.addresses.find((x) => x.seq === ref.seq);
      if (!a) return null;
      if (q.kind === 'country_in_year') {
        const name = a.country === 'DK' || a.country === 'GL' ? undefined : countryName(a.country);
        return name ? { format: 'place', acceptedNames: countryAliases(name) } : null;
      }
      if (q.kind === 'current_move_in') {
        // Only while it is still the current home.
        return a.movedOut === null ? { format: 'date', fact: { year: yearOf(a.movedIn), month: monthOf(a.movedIn) }, precision: 'month' } : null;
      }
      if (q.kind === 'earlier_address') {
        const fact = addressFact(a);
        return fact ? { format: 'address', fact } : null;
      }
      if (q.kind === 'municipality_in_year') {
        const at = municipalityLookupOf(facts)(a, `${String(q.params.year)}-07-01`);
        return at ? { format: 'municipality', acceptedNames: [...at.acceptedNames] } : null;
      }
      const date = q.kind === 'address_move_in' ? a.movedIn : a.movedOut;
      return date ? { format: 'date', fact: { year: yearOf(date), month: monthOf(date) }, precision: 'month' } : null;
    }
    case 'parent_first_name': {
      if (ref.t !== 'parent') return null;
      const parents = parentsIn(facts, ref.role);
      const names = parents.flatMap((p) => firstNameVariants(p.firstNames));
      return names.length > 0 ? { format: 'name', acceptedNames: names, surnames: parents.flatMap((p) => words(p.surnames)) } : null;
    }
    case 'spouse_first_name':
    case 'marriage_year':
    case 'divorce_year': {
      if (ref.t !== 'marriage') return null;
      const m = marriageBySeq(facts, ref.seq);
      if (!m) return null;
      if (q.kind === 'spouse_first_name') return m.spouse ? relativeName(m.spouse) : null;
      if (q.kind === 'marriage_year') return { format: 'date', fact: { year: yearOf(m.from) }, precision: 'year' };
      return m.to && m.endedBy !== 'widowed' ? { format: 'date', fact: { year: yearOf(m.to) }, precision: 'year' } : null;
    }
    case 'child_first_name':
    case 'child_birth_year': {
      if (ref.t !== 'child') return null;
      const child = facts.children.find((c) => c.hmac === ref.h);
      if (!child) return null;
      return q.kind === 'child_first_name'
        ? relativeName(child)
        : { format: 'date', fact: { year: yearOf(child.birthDate) }, precision: 'year' };
    }
    case 'place_of_birth': {
      const names = birthplaceNames(facts);
      return names.length > 0 ? { format: 'place', acceptedNames: names } : null;
    }
    case 'former_surname': {
      const names = formerSurnames(facts);
      return names.length > 0 ? { format: 'name', acceptedNames: names } : null;
    }
  }
}

/** 0..1 for the answer text; the text goes no further than this call. */
export function scoreAgainst(text: string, expected: ExpectedAnswer, referenceYear: number): number {
  switch (expected.format) {
    case 'address':
      return scoreAddress(text, expected.fact);
    case 'date':
      return scoreDate(text, expected.fact, expected.precision, referenceYear);
    case 'name':
      return scoreName(text, { acceptedNames: expected.acceptedNames, surnames: expected.surnames ?? [] });
    case 'municipality':
      return scoreMunicipality(text, { acceptedNames: expected.acceptedNames });
    case 'place':
      return scorePlace(text, { acceptedNames: expected.acceptedNames });
  }
}
