// Generated: for every kind of fact the engine asks about, the ways an honest caller says it on the
// phone score as correct (≥ 0.9, the engine's "fully correct"). Facts come from the real tables
// (streets, postcodes, municipalities, parishes, countries); each variant is built from the fact by a
// rule that a Dane uses when speaking, never from the scorer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthplaceAcceptedNames,
  countries,
  countryAliases,
  municipalityAt,
  parishes,
  postcodes,
  streetNames,
} from '../../../../../shared/domain/geography/index';
import { scoreAddress, scoreDate, scoreMunicipality, scoreName, scorePlace } from '../../../../../shared/domain/scoring/index';

const correct = 0.9;
const runs = { numRuns: 400, seed: 13 };

// æ/ø/å typed on a keyboard without them: both the digraph and the bare letter.
const withoutDanishLetters = (s: string, bare: boolean) =>
  bare ? s.replace(/[æÆ]/g, 'a').replace(/[øØ]/g, 'o').replace(/[åÅ]/g, 'a') : s.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa');
const spelling = fc.constantFrom<'as is' | 'digraph' | 'bare' | 'lower' | 'upper'>('as is', 'digraph', 'bare', 'lower', 'upper');
function spell(s: string, how: 'as is' | 'digraph' | 'bare' | 'lower' | 'upper'): string {
  if (how === 'digraph') return withoutDanishLetters(s, false);
  if (how === 'bare') return withoutDanishLetters(s, true);
  if (how === 'lower') return s.toLowerCase();
  if (how === 'upper') return s.toUpperCase();
  return s;
}

// How the street is said: in full, with the type abbreviated, with a leading word abbreviated.
const STREET_TYPE_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/gade$/, 'g.'],
  [/vej$/, 'v.'],
  [/plads$/, 'pl.'],
  [/stræde$/, 'str.'],
];
const LEADING_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Sankt /, 'Skt. '],
  [/^Sønder /, 'Sdr. '],
  [/^Søndre /, 'Sdr. '],
  [/^Nørre /, 'Nr. '],
  [/^Gammel /, 'Gl. '],
];
function abbreviate(street: string, how: number): string {
  // Nobody shortens a short name ("Alg." for Algade): only where four letters or more stay.
  if (how === 1) for (const [re, short] of STREET_TYPE_ABBREVIATIONS) if (re.test(street) && street.replace(re, '').length >= 4) return street.replace(re, short);
  if (how === 2) for (const [re, short] of LEADING_ABBREVIATIONS) if (re.test(street)) return street.replace(re, short);
  return street;
}

const danishPostcodes = postcodes.filter((p) => p.country === 'DK');
const floorsSpoken: Readonly<Record<string, readonly string[]>> = {
  st: ['st.', 'stuen', 'st'],
  '1': ['1.', '1', 'første sal', '1. sal'],
  '2': ['2.', '2', 'anden sal', '2. sal'],
  '3': ['3.', 'tredje sal'],
};
const doorsSpoken: Readonly<Record<string, readonly string[]>> = {
  th: ['th.', 'th', 't.h.', 'til højre'],
  tv: ['tv.', 'tv', 't.v.', 'til venstre'],
  mf: ['mf.', 'midtfor'],
};

describe('spoken variants score as correct, for every kind of fact', () => {
  it('addresses: abbreviations, number first, postcode or town left out, æ/ae', () => {
    const arbitraryStreet = fc.oneof(
      fc.constantFrom(...streetNames),
      fc.constantFrom('Sankt Hans Gade', 'Sønder Allé', 'Søndre Boulevard', 'Nørre Voldgade', 'Gammel Kongevej', 'H.C. Andersens Boulevard'),
    );
    fc.assert(
      fc.property(
        arbitraryStreet,
        fc.integer({ min: 1, max: 250 }),
        fc.constantFrom('', 'A', 'B', 'C'),
        fc.constantFrom(null, 'st', '1', '2', '3'),
        fc.constantFrom('th', 'tv', 'mf'),
        fc.constantFrom(...danishPostcodes),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<'street first' | 'number first'>('street first', 'number first'),
        fc.constantFrom<'both' | 'postcode' | 'town' | 'none'>('both', 'postcode', 'town', 'none'),
        fc.nat(),
        spelling,
        (street, number, letter, floor, door, place, abbreviation, order, postal, pickSpoken, how) => {
          const fact = { street, houseNumber: `${number}${letter}`, floor, door: floor ? door : null, postcode: place.code, town: place.town };
          const spokenFloor = floor ? floorsSpoken[floor] ?? [floor] : [''];
          const spokenDoor = floor ? doorsSpoken[door] ?? [door] : [''];
          const floorDoor = `${spokenFloor[pickSpoken % spokenFloor.length]} ${spokenDoor[pickSpoken % spokenDoor.length]}`.trim();
          // A bare a/o/a before an e is ambiguous (Slåenvej typed "Slaenvej" reads as Slænvej): not generated.
          if (how === 'bare' && /[æøå]e/i.test(street)) return;
          const streetSaid = spell(abbreviate(street, abbreviation), how);
          const house = `${number}${letter.toLowerCase()}`;
          const head = order === 'street first' ? `${streetSaid} ${house}` : `${house} ${streetSaid}`;
          const town = spell(place.town, how);
          const tail = { both: `${place.code} ${town}`, postcode: place.code, town, none: '' }[postal];
          const said = [head, floorDoor, tail].filter(Boolean).join(order === 'street first' ? ', ' : ' ');
          expect(scoreAddress(said, fact), `${said} for ${JSON.stringify(fact)}`).toBeGreaterThanOrEqual(correct);
        },
      ),
      runs,
    );
  });

  const monthNames = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
  const monthShort = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

  it('months of moves: Danish month names, short years, numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1935, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 8 }), (year, month, form) => {
        const yy = String(year).slice(2);
        const mm = String(month).padStart(2, '0');
        const name = monthNames[month - 1] ?? '';
        const said = [
          `${name} ${year}`,
          `i ${name} ${year}`,
          `${name} ${yy}`,
          `${name} '${yy}`,
          `${monthShort[month - 1]}. ${year}`,
          `${month}/${year}`,
          `${mm}-${year}`,
          `${mm}.${yy}`,
          `1. ${name} ${year}`,
        ][form] ?? '';
        // Two-digit years resolve towards the past from 2026, so '27 and later mean 19xx.
        if (said.includes(yy) && !said.includes(String(year)) && year > 2026) return;
        // "03.12" is a day and a month: a two-digit year after a dot is generated only where it cannot be one.
        if (form === 7 && Number(yy) <= 31) return;
        expect(scoreDate(said, { year, month }, 'month', 2026), said).toBeGreaterThanOrEqual(correct);
      }),
      runs,
    );
  });

  it('years (marriage, children, parents): four or two digits, with filler', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1930, max: 2025 }), fc.integer({ min: 0, max: 3 }), (year, form) => {
        const said = [`${year}`, `i ${year}`, `'${String(year).slice(2)}`, `det var i ${year}`][form] ?? '';
        expect(scoreDate(said, { year }, 'year', 2026), said).toBeGreaterThanOrEqual(correct);
      }),
      runs,
    );
  });

  it('municipality at a date: old or new name, with or without "Kommune", æ/ae', () => {
    const dated = fc.tuple(fc.constantFrom(...danishPostcodes), fc.integer({ min: 1970, max: 2025 }));
    fc.assert(
      fc.property(dated, fc.boolean(), fc.boolean(), fc.constantFrom<'as is' | 'digraph' | 'bare' | 'lower'>('as is', 'digraph', 'bare', 'lower'), ([place, year], useOld, withKommune, how) => {
        const at = municipalityAt(place.code, `${year}-07-01`);
        if (!at) return;
        const name = useOld ? place.oldMunicipality : (at.acceptedNames.at(-1) ?? at.name);
        const said = spell(withKommune ? `${name} Kommune` : name, how);
        expect(scoreMunicipality(said, { acceptedNames: [...at.acceptedNames] }), `${said} in ${year} (${at.acceptedNames.join(', ')})`).toBe(1);
      }),
      runs,
    );
  });

  it('places of birth: parish, its town, its municipality, or a country by its everyday name', () => {
    const parish = fc.constantFrom(...parishes.map((p) => p.name));
    fc.assert(
      fc.property(parish, fc.nat(), spelling, (name, pick, how) => {
        const accepted = birthplaceAcceptedNames(name);
        const said = spell(accepted[pick % accepted.length] ?? name, how);
        expect(scorePlace(said, { acceptedNames: accepted }), `${said} for ${name}`).toBe(1);
        expect(scorePlace(`født i ${said}`, { acceptedNames: accepted }), `født i ${said}`).toBe(1);
      }),
      runs,
    );
    for (const c of countries) {
      for (const alias of countryAliases(c.name)) expect(scorePlace(alias, { acceptedNames: countryAliases(c.name) }), alias).toBe(1);
    }
  });

  it('names: any one first name, the full run, the surname after it, with what callers say around it', () => {
    const firstNames = fc.constantFrom('Søren', 'Anne Marie', 'Jens Peter', 'Mette', 'Kristoffer', 'Aputsiaq', 'Lærke', 'Bjørn', 'Åse');
    const surnames = fc.constantFrom('Holm', 'Østergaard', 'Jensen', 'Kleist', 'Nielsen Bæk');
    const around = fc.constantFrom('{}', 'han hedder {}', 'hun hedder {}', 'min mor hedder {}', 'min far hed {}', 'min søn hedder {}', 'det er {}');
    fc.assert(
      fc.property(firstNames, surnames, around, fc.boolean(), fc.boolean(), spelling, (first, surname, frame, oneName, withSurname, how) => {
        const words = first.split(' ');
        const given = oneName ? (words[words.length - 1] ?? first) : first;
        const said = spell(frame.replace('{}', withSurname ? `${given} ${surname}` : given), how);
        const fact = { acceptedNames: [first, ...words], surnames: surname.split(' ') };
        expect(scoreName(said, fact), said).toBe(1);
      }),
      runs,
    );
  });
});
