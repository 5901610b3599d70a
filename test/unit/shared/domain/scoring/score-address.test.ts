import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAddress, type AddressFact } from '../../../../../shared/domain/scoring/index';
import { expectOutcome, type Outcome, type Row } from './outcome';

// Each case lists, by hand, how people write its parts. Templates combine them; the outcome of a
// combination follows from which list its parts came from, never from the scorer.
interface Case {
  fact: AddressFact;
  /** The street as callers and agents type it. */
  streets: string[];
  /** Other real streets with similar names. */
  nearStreets: string[];
  house: string[];
  wrongHouse: string[];
  /** The register's floor and door, written the ways people write them ('' when there are none). */
  floorDoor: string[];
  wrongFloorDoor: string[];
  postal: string[];
  wrongPostal: string[];
}

const cases: Case[] = [
  {
    fact: { street: 'Nørregade', houseNumber: '12', floor: '1', door: 'tv', postcode: '8000', town: 'Aarhus C' },
    streets: ['Nørregade', 'Noerregade', 'nørregade', 'NØRREGADE', 'Norregade', 'Nørreg.', 'Nørreg', 'Nørregd.', 'Nørregdae'],
    nearStreets: ['Nørre Allé', 'Nørrevej', 'Søndergade', 'Nørre Voldgade', 'Nørrebrogade', 'Østergade', 'Nørre Farimagsgade'],
    house: ['12', 'nr. 12'],
    wrongHouse: ['13', '21', '2', '12A', '12 B'],
    floorDoor: ['1. tv', '1 tv', '1tv', '1.tv', '1. sal tv', '1 sal til venstre', 'første sal til venstre', '1. t.v.', '1.sal tv'],
    wrongFloorDoor: ['1. th', '2. tv', 'st. tv', '3 th', '1. mf'],
    postal: ['8000 Aarhus C', '8000 Århus C', '8000 Aarhus', '8000', 'Aarhus C', 'Århus'],
    wrongPostal: ['8200 Aarhus N', '9000 Aalborg', 'Aarhus N', '8000 Odense C'],
  },
  {
    fact: { street: 'H.C. Andersens Boulevard', houseNumber: '27B', floor: 'st', door: 'th', postcode: '1553', town: 'København V' },
    streets: ['H.C. Andersens Boulevard', 'HC Andersens Blvd', 'H. C. Andersens Boulevard', 'Hans Christian Andersens Boulevard', 'h c andersens blvd.', 'HC Andersens Boulevard', 'H.C.Andersens Boulevard', 'H.C. Andersens Blvd.'],
    nearStreets: ['H.C. Ørsteds Vej', 'H.C. Andersens Vej', 'Hans Christian Andersens Allé', 'H.C. Lumbyes Gade', 'Christian IX\'s Gade'],
    house: ['27B', '27 B', '27b'],
    wrongHouse: ['27', '27A', '28B', '72B', '17B'],
    floorDoor: ['st. th', 'st th', 'st.th', 'stth', 'stuen th', 'stuen til højre', 'st. t.h.', 'st., th.'],
    wrongFloorDoor: ['st. tv', '1. th', 'kl. th', 'st. mf'],
    postal: ['1553 København V', '1553 Kbh V', '1553 Kobenhavn V', 'København V', '1553', '1553 Koebenhavn V'],
    wrongPostal: ['1552 København V', '2100 København Ø', 'København K', '1553 København K'],
  },
  {
    fact: { street: 'Sankt Hans Torv', houseNumber: '5', floor: '3', door: '12', postcode: '2200', town: 'København N' },
    streets: ['Sankt Hans Torv', 'Skt. Hans Torv', 'St. Hans Torv', 'Sct. Hans Torv', 'skt hans torv', 'Sankt Hanstorv', 'SKT. HANS TORV'],
    nearStreets: ['Sankt Hans Gade', 'Sankt Peders Torv', 'Hans Tavsens Gade', 'Sankt Hans Plads', 'Sankt Annæ Plads'],
    house: ['5', 'nr 5'],
    wrongHouse: ['6', '15', '5A', '50'],
    floorDoor: ['3. 12', '3 sal dør 12', '3., dør 12', 'tredje sal dør 12', '3. sal, dør 12'],
    wrongFloorDoor: ['3. 11', '2. 12', '3. th', '3. 21'],
    postal: ['2200 København N', '2200 Kbh N', '2200', 'København N'],
    wrongPostal: ['2100 København Ø', '2200 København S', '8000 Aarhus C'],
  },
  {
    fact: { street: 'Vestergade', houseNumber: '3', floor: null, door: null, postcode: '5000', town: 'Odense C' },
    streets: ['Vestergade', 'vestergade', 'Vesterg.', 'Vestergde', 'VESTERGADE', 'Vestergd'],
    nearStreets: ['Vestervoldgade', 'Østergade', 'Vestervej', 'Vesterbrogade', 'Vester Allé', 'Vestergårdsvej', 'Nørregade'],
    house: ['3', 'nummer 3'],
    wrongHouse: ['4', '13', '3A', '33'],
    floorDoor: [''],
    wrongFloorDoor: ['2. th', 'st', '1. tv'],
    postal: ['5000 Odense C', '5000 Odense', 'Odense C', 'Odense', '5000'],
    wrongPostal: ['5200 Odense V', '8000 Aarhus C', '5000 Svendborg'],
  },
  {
    fact: { street: 'Frederiksberggade', houseNumber: '40', floor: '2', door: 'mf', postcode: '1459', town: 'København K' },
    streets: ['Frederiksberggade', 'Frederiksbergade', 'Frederiksberg gade', 'Frederiksbergg.', 'Fredriksberggade', 'frederiksberggade', 'Frederiksberggd.'],
    nearStreets: ['Frederiksgade', 'Frederiksborggade', 'Frederiksberg Allé', 'Frederikssundsvej', 'Frederiksholms Kanal'],
    house: ['40'],
    wrongHouse: ['41', '4', '40A', '14'],
    floorDoor: ['2. mf', '2 mf', '2. midt for', 'anden sal midt for', '2.mf', '2. m.f.'],
    wrongFloorDoor: ['2. th', '1. mf', 'st. mf', '2. tv'],
    postal: ['1459 København K', '1459 Kbh K', '1459', 'København K', '1459 København'],
    wrongPostal: ['1460 København K', '1459 København V', '2000 Frederiksberg'],
  },
  {
    fact: { street: 'Gammel Kongevej', houseNumber: '1', floor: 'kl', door: null, postcode: '1610', town: 'København V' },
    streets: ['Gammel Kongevej', 'Gl. Kongevej', 'Gl Kongevej', 'gammel kongev.', 'Gml. Kongevej', 'GL. KONGEVEJ', 'Gammel Kongvej'],
    nearStreets: ['Kongevej', 'Gammel Køge Landevej', 'Ny Kongensgade', 'Gammel Kongensgade', 'Gammeltorv', 'Gammel Mønt'],
    house: ['1', 'nr. 1'],
    wrongHouse: ['11', '7', '1A', '10'],
    floorDoor: ['kl', 'kl.', 'kælder', 'kælderen', 'i kælderen', 'kaelder'],
    wrongFloorDoor: ['st', '1.', 'st. th', '4.'],
    postal: ['1610 København V', '1610 Kbh. V', '1610', 'København V'],
    wrongPostal: ['1620 København V', '1610 København Ø', '2000 Frederiksberg'],
  },
];

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}

function rowsFor(c: Case): Row<AddressFact>[] {
  const rows: Row<AddressFact>[] = [];
  const add = (answer: string, outcome: Outcome) => rows.push({ answer, fact: c.fact, outcome });
  const [street0 = '', house0 = '', fd0 = '', postal0 = ''] = [c.streets[0], c.house[0], c.floorDoor[0], c.postal[0]];
  for (const s of c.streets) {
    add(`${s} ${house0}`, 'accept');
    add(join(`${s} ${house0}`, fd0, postal0), 'accept');
    add(`${s} ${house0} ${fd0}`.trim(), 'accept');
  }
  for (const h of c.house) add(join(`${street0} ${h}`, fd0), 'accept');
  for (const fd of c.floorDoor) {
    add(join(`${street0} ${house0}`, fd), 'accept');
    add(join(`${c.streets[1] ?? street0} ${house0} ${fd}`, postal0), 'accept');
  }
  for (const p of c.postal) add(join(`${street0} ${house0}`, fd0, p), 'accept');
  // English order, number first.
  add(`${house0} ${street0}`, 'accept');
  add(join(`${house0} ${street0}`, postal0), 'accept');

  for (const fd of c.wrongFloorDoor) {
    add(join(`${street0} ${house0}`, fd), 'reduce');
    add(join(`${street0} ${house0}`, fd, postal0), 'reduce');
  }
  for (const p of c.wrongPostal) add(join(`${street0} ${house0}`, fd0, p), 'reduce');

  for (const n of c.nearStreets) {
    add(`${n} ${house0}`, 'reject');
    add(join(`${n} ${house0}`, fd0, postal0), 'reject');
  }
  for (const h of c.wrongHouse) {
    add(`${street0} ${h}`, 'reject');
    add(join(`${c.streets[1] ?? street0} ${h}`, fd0, postal0), 'reject');
  }
  return rows;
}

const rows = cases.flatMap(rowsFor);

describe('scoreAddress: realistic answers', () => {
  it('has a table of at least 200 answers, with matches and near-misses', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.outcome === 'reject').length).toBeGreaterThanOrEqual(60);
  });

  it.each(rows)('$answer (register: $fact.street) → $outcome', ({ answer, fact, outcome }) => {
    expectOutcome(scoreAddress(answer, fact), outcome, answer);
  });
});

describe('scoreAddress: credit rules', () => {
  const fact = cases[0]!.fact;

  it('gives full credit for the complete address and a little less when floor and door are left out', () => {
    expect(scoreAddress('Nørregade 12, 1. tv, 8000 Aarhus C', fact)).toBe(1);
    const omitted = scoreAddress('Nørregade 12', fact);
    expect(omitted).toBeLessThan(1);
    expect(omitted).toBeGreaterThanOrEqual(0.9);
  });

  it('scores a wrong floor below an omitted one, and both wrong below one wrong', () => {
    const omitted = scoreAddress('Nørregade 12', fact);
    const oneWrong = scoreAddress('Nørregade 12, 2. tv', fact);
    const bothWrong = scoreAddress('Nørregade 12, 2. th', fact);
    expect(oneWrong).toBeLessThan(omitted);
    expect(bothWrong).toBeLessThan(oneWrong);
    expect(bothWrong).toBeGreaterThan(0);
  });

  it('lowers the score for a tolerated typo but keeps it acceptable', () => {
    const exact = scoreAddress('Frederiksberggade 40, 2. mf', cases[4]!.fact);
    const typo = scoreAddress('Frederiksbergade 40, 2. mf', cases[4]!.fact);
    expect(typo).toBeLessThan(exact);
    expect(typo).toBeGreaterThanOrEqual(0.85);
  });

  it('tolerates no typo in a short street name', () => {
    expect(scoreAddress('Vestrgade 3', cases[3]!.fact)).toBe(0);
    expect(scoreAddress('Vesterage 3', cases[3]!.fact)).toBe(0);
  });

  it('penalises a second guess added to the answer', () => {
    expect(scoreAddress('Nørregade 12 eller Nørregade 14', fact)).toBeLessThanOrEqual(0.5);
  });

  it('needs a house number', () => {
    expect(scoreAddress('Nørregade', fact)).toBe(0);
    expect(scoreAddress('Nørregade, 8000 Aarhus C', fact)).toBe(0);
  });

  it('reads fillers a caller adds around the address', () => {
    expect(scoreAddress('jeg boede på Nørregade nr. 12, 1. tv', fact)).toBe(1);
    expect(scoreAddress('Nørregade 12, 1. tv, 8000 Aarhus C, Danmark', fact)).toBe(1);
  });

  it('reads the town before the postcode and the number before the street', () => {
    expect(scoreAddress('Nørregade 12, 1. tv, Aarhus C 8000', fact)).toBe(1);
    expect(scoreAddress('12 Nørregade, 1. tv, 8000 Aarhus C', fact)).toBe(1);
    expect(scoreAddress('27B H.C. Andersens Boulevard, st. th', cases[1]!.fact)).toBe(1);
    expect(scoreAddress('27 H.C. Andersens Boulevard', { ...cases[1]!.fact, houseNumber: '27' })).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['Kronprinsensgade 8', 'Kronprinsessegade'],
    ['Frederiksborggade 8', 'Frederiksberggade'],
    ['Kongensgade 8', 'Store Kongensgade'],
    ['Lille Kongensgade 8', 'Store Kongensgade'],
    ['Strandvej 8', 'Strandvejen'],
    ['Sankt Hans Torv 8', 'Sankt Hans Gade'],
    ['Nørre Voldgade 8', 'Nørregade'],
    ['Vestergade 8', 'Østergade'],
  ])('keeps apart two real streets: %s is not %s', (answer, street) => {
    expect(scoreAddress(answer, { street, houseNumber: '8', postcode: '1000', town: 'København K' })).toBe(0);
  });

  it('reads a four-digit door number after "dør"', () => {
    const block = { street: 'Ved Amagerbanen', houseNumber: '9', floor: '4', door: '1204', postcode: '2300', town: 'København S' };
    expect(scoreAddress('Ved Amagerbanen 9, 4. sal dør 1204, 2300 København S', block)).toBe(1);
  });

  it('lets "St." stand for Store and for Sankt', () => {
    const store = { street: 'Store Kongensgade', houseNumber: '40', postcode: '1264', town: 'København K' };
    const sankt = { street: 'Sankt Hans Gade', houseNumber: '3', postcode: '2200', town: 'København N' };
    expect(scoreAddress('St. Kongensgade 40', store)).toBe(1);
    expect(scoreAddress('St. Hans Gade 3', sankt)).toBe(1);
  });

  it('scores 0 for an empty answer', () => {
    expect(scoreAddress('', fact)).toBe(0);
    expect(scoreAddress('   ', fact)).toBe(0);
  });
});

describe('scoreAddress: real streets with similar names stay apart', () => {
  // Real Copenhagen street names, many of them neighbours with near-identical names.
  const streets = [
    'Nørregade', 'Nørre Allé', 'Nørrebrogade', 'Nørre Voldgade', 'Nørre Farimagsgade', 'Nørre Søgade', 'Vestergade', 'Vesterbrogade',
    'Vester Voldgade', 'Vester Farimagsgade', 'Vester Søgade', 'Østergade', 'Østerbrogade', 'Øster Voldgade', 'Øster Allé',
    'Øster Farimagsgade', 'Øster Søgade', 'Søndergade', 'Sønder Boulevard', 'Store Kongensgade', 'Kongensgade', 'Lille Kongensgade',
    'Kronprinsessegade', 'Kronprinsensgade', 'Frederiksberggade', 'Frederiksborggade', 'Frederiksgade', 'Frederiksholms Kanal',
    'Gammel Kongevej', 'Gammel Køge Landevej', 'Gammeltorv', 'Nytorv', 'Amagertorv', 'Amagerbrogade', 'Amager Boulevard',
    'H.C. Andersens Boulevard', 'H.C. Ørsteds Vej', 'Hans Tavsens Gade', 'Sankt Hans Gade', 'Sankt Hans Torv', 'Sankt Peders Stræde',
    'Sankt Annæ Plads', 'Bredgade', 'Borgergade', 'Store Kirkestræde', 'Lille Kirkestræde', 'Jagtvej', 'Jægersborggade',
    'Jægersborg Allé', 'Strandvejen', 'Strandgade', 'Strandboulevarden', 'Roskildevej', 'Istedgade', 'Enghavevej', 'Ingerslevsgade',
    'Fælledvej', 'Blegdamsvej', 'Tagensvej', 'Nordre Fasanvej', 'Søndre Fasanvej', 'Peter Bangs Vej', 'Falkoner Allé', 'Godthåbsvej',
    'Åboulevard', 'Rådhuspladsen', 'Rådhusstræde', 'Vesterbros Torv', 'Kultorvet', 'Studiestræde', 'Skindergade', 'Købmagergade',
    'Christianshavns Torv', 'Christianshavns Voldgade', 'Prinsessegade', 'Dronningensgade', 'Overgaden neden Vandet',
    'Overgaden oven Vandet', 'Torvegade', 'Holmens Kanal', 'Holmensgade', 'Gothersgade', 'Møllegade', 'Skovvej', 'Skovvejen',
    'Skolevej', 'Skolegade', 'Kirkevej', 'Kirkegade', 'Bakkevej', 'Birkevej', 'Bøgevej', 'Egevej', 'Elmevej', 'Lindevej', 'Granvej',
  ];

  it('accepts each street for itself and none for another', () => {
    const wrong: string[] = [];
    for (const said of streets) {
      for (const registered of streets) {
        const expected = said === registered ? 1 : 0;
        const fact = { street: registered, houseNumber: '5', postcode: '1000', town: 'København K' };
        if (scoreAddress(`${said} 5`, fact) !== expected) wrong.push(`${said} for ${registered}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('scoreAddress: properties', () => {
  const house = fc.tuple(fc.integer({ min: 1, max: 250 }), fc.constantFrom('', 'A', 'B', 'C'));

  it('scores any other house number or letter 0, whatever else is right', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), house, house, fc.boolean(), (c, [n, l], [m, k], full) => {
        fc.pre(n !== m || l !== k);
        const fact = { ...c.fact, houseNumber: `${n}${l}` };
        const answer = `${c.streets[0]} ${m}${k}` + (full ? `, ${c.floorDoor[0]}, ${c.postal[0]}` : '');
        return scoreAddress(answer, fact) === 0;
      }),
    );
  });

  it('accepts the right house number however it is spaced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), house, fc.constantFrom('', ' '), (c, [n, l], gap) => {
        const fact = { ...c.fact, houseNumber: `${n}${l}` };
        return scoreAddress(`${c.streets[0]} ${n}${l ? gap + l : ''}, ${c.floorDoor[0]}, ${c.postal[0]}`, fact) === 1;
      }),
    );
  });
});
