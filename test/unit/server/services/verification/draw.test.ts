// The question draw, pure: what is never asked, what never goes together, and the mix of families.
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCandidates, type Candidate, type Pick } from '../../../../../server/services/verification/candidates';
import { drawPlan, drawQuestions } from '../../../../../server/services/verification/draw';
import { expectedAnswer } from '../../../../../server/services/verification/expected-answer';
import { questionKinds } from '../../../../../server/services/verification/question-kinds';
import type { AddressRow, PersonFacts } from '../../../../../server/services/verification/register-facts';

const pick: Pick = (items) => items[randomInt(items.length)] as (typeof items)[number];

function address(seq: number, street: string, house: string, postcode: string, town: string, movedIn: string, movedOut: string | null): AddressRow {
  return { seq, street, houseNumber: house, floor: null, door: null, postcode, town, municipalityCode: null, country: 'DK', movedIn, movedOut };
}

function facts(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    firstNames: 'Kirsten',
    middleName: 'Bak',
    lastName: 'Holm',
    birthDate: '1968-03-12',
    birthplace: 'Aarhus Domsogn',
    birthplaceKind: 'parish',
    status: 'active',
    nameAddressProtection: false,
    // Bak is in the current name (middle name): buyable, never asked. Lund is not.
    formerNames: [
      { firstNames: 'Kirsten', middleName: null, lastName: 'Bak' },
      { firstNames: 'Kirsten', middleName: null, lastName: 'Lund' },
    ],
    addresses: [
      address(1, 'Nørregade', '12', '8000', 'Aarhus C', '1968-03-12', '1987-08-01'),
      address(2, 'Istedgade', '45', '1650', 'København V', '1987-08-01', '1993-06-01'),
      address(3, 'Vestergade', '7B', '5000', 'Odense C', '1993-06-01', '1999-03-01'),
      // Same municipality as the current address (Gentofte): no municipality question about it.
      address(4, 'Skovvej', '8', '2820', 'Gentofte', '1999-03-01', '2004-09-15'),
      address(5, 'Lindevej', '21', '2900', 'Hellerup', '2004-09-15', null),
    ],
    marriages: [
      { seq: 2, from: '1987-09-05', endedBy: 'divorced', to: '1993-02-01', spouse: { hmac: 'lars', firstNames: 'Lars', surnames: 'Holm', sex: 'male', birthDate: '1965-10-10' } },
      { seq: 4, from: '2004-05-01', endedBy: null, to: null, spouse: { hmac: 'henrik', firstNames: 'Henrik', surnames: 'Holm', sex: 'male', birthDate: '1966-11-11' } },
    ],
    parents: [
      { hmac: 'else', firstNames: 'Else Marie', surnames: 'Holm', sex: 'female', birthDate: '1944-02-02' },
      { hmac: 'poul', firstNames: 'Poul', surnames: 'Holm', sex: 'male', birthDate: '1941-07-07' },
    ],
    children: [
      { hmac: 'mikkel', firstNames: 'Mikkel', surnames: 'Holm', sex: 'male', birthDate: '2005-04-04' },
      { hmac: 'sofie', firstNames: 'Sofie Amalie', surnames: 'Holm', sex: 'female', birthDate: '2008-08-08' },
    ],
    ...overrides,
  };
}


function draws(f: PersonFacts, n = 300, count = 6): Candidate[][] {
  return Array.from({ length: n }, () => drawQuestions(buildCandidates(f, pick), count, pick));
}

describe('candidates', () => {
  it('never asks about the current address, its municipality, or a name that is part of the current name', () => {
    const f = facts();
    for (let i = 0; i < 100; i++) {
      for (const c of buildCandidates(f, pick)) {
        // Only the month of the move into it, a question that shows no address.
        if (c.ref.t === 'address' && c.ref.seq === 5) {
          expect(c.kind).toBe('current_move_in');
          expect(c.params).toEqual({});
        }
        if (c.kind === 'municipality_in_year') expect(c.ref).not.toEqual({ t: 'address', seq: 4 });
        const expected = expectedAnswer(c, f);
        if (expected && 'acceptedNames' in expected) {
          expect(expected.acceptedNames).not.toContain('Bak');
          expect(expected.acceptedNames).not.toContain('Gentofte');
        }
        if (expected?.format === 'address') expect(expected.fact.street).not.toBe('Lindevej');
      }
    }
  });

  it('picks a year the person lived at the address all year, old enough to remember', () => {
    const f = facts();
    for (let i = 0; i < 100; i++) {
      for (const c of buildCandidates(f, pick).filter((x) => x.kind === 'earlier_address' || x.kind === 'municipality_in_year')) {
        const a = f.addresses.find((x) => c.ref.t === 'address' && x.seq === c.ref.seq) as AddressRow;
        const year = Number(c.params.year);
        expect(`${year}-01-01` >= a.movedIn && `${year + 1}-01-01` <= (a.movedOut ?? '')).toBe(true);
        expect(year - 1968).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('shows only the street of an earlier address, and only when it names one address', () => {
    const f = facts();
    const moves = buildCandidates(f, pick).filter((c) => c.kind === 'address_move_in' || c.kind === 'address_move_out');
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(Object.keys(m.params)).toEqual(['street']);
    // No move-in for the birth home (nobody moves into where they are born).
    expect(moves.some((m) => m.kind === 'address_move_in' && m.params.street === 'Nørregade')).toBe(false);
    // Two addresses on one street: the street alone would be ambiguous.
    const twice = facts({
      addresses: [
        address(1, 'Istedgade', '45', '1650', 'København V', '1980-08-01', '1990-06-01'),
        address(2, 'Istedgade', '3', '1650', 'København V', '1990-06-01', '1999-03-01'),
        address(3, 'Lindevej', '21', '2900', 'Hellerup', '1999-03-01', null),
      ],
    });
    expect(buildCandidates(twice, pick).filter((c) => c.kind === 'address_move_in' || c.kind === 'address_move_out')).toEqual([]);
  });

  it('shows and asks no address under name/address protection: moves by a year lived there, municipalities of years ago', () => {
    const f = facts({ nameAddressProtection: true });
    const candidates = buildCandidates(f, pick);
    expect(candidates.filter((c) => c.kind === 'earlier_address')).toEqual([]);
    for (const c of candidates) expect(c.params.street, c.kind).toBeUndefined();
    const moves = candidates.filter((c) => c.kind === 'address_move_in' || c.kind === 'address_move_out');
    expect(moves.length).toBeGreaterThan(2);
    for (const m of moves) expect(Object.keys(m.params)).toEqual(['year']);
    // Never today's municipality (Gentofte).
    for (const c of candidates.filter((x) => x.kind === 'municipality_in_year')) {
      const e = expectedAnswer(c, f);
      expect(e?.format === 'municipality' ? e.acceptedNames : []).not.toContain('Gentofte');
    }
    expect(candidates.some((c) => c.kind === 'current_move_in')).toBe(true);
  });

  it('asks the country of a stay abroad by a year lived there', () => {
    const f = facts();
    const abroad: AddressRow = { ...address(6, '', '', '', '', '1999-03-01', '2002-05-01'), street: null, houseNumber: null, postcode: null, town: null, country: 'SE' };
    const withStay = facts({ addresses: [...f.addresses.slice(0, 3), abroad, { ...(f.addresses[3] as AddressRow), movedIn: '2002-05-01' }, f.addresses[4] as AddressRow] });
    const c = buildCandidates(withStay, pick).find((x) => x.kind === 'country_in_year');
    expect(c?.params.year).toBeGreaterThanOrEqual(2000);
    expect(c?.params.year).toBeLessThanOrEqual(2001);
    const e = c ? expectedAnswer(c, withStay) : null;
    expect(e?.format === 'place' ? e.acceptedNames : []).toEqual(['Sverige', 'Sweden']);
  });

  it('leaves out the birthplace when it lies in the municipality the person lives in now', () => {
    expect(buildCandidates(facts(), pick).some((c) => c.kind === 'place_of_birth')).toBe(true);
    expect(buildCandidates(facts({ birthplace: 'Hellerup Sogn' }), pick).some((c) => c.kind === 'place_of_birth')).toBe(false);
  });

  it('asks about "the former spouse" only when there is exactly one', () => {
    const f = facts();
    const second = { seq: 6, from: '2000-01-01', endedBy: 'divorced' as const, to: '2001-01-01', spouse: { hmac: 'x', firstNames: 'Ole', surnames: 'Holm', sex: 'male' as const, birthDate: '1960-01-01' } };
    const kinds = buildCandidates({ ...f, marriages: [...f.marriages, second] }, pick).filter((c) => c.family === 'marriage');
    expect(kinds.every((c) => c.params.when !== 'former' && c.kind !== 'divorce_year')).toBe(true);
  });
});

describe('the draw', () => {
  it('never puts together questions that give each other away', () => {
    for (const drawn of draws(facts())) {
      const byRef = new Map<string, string[]>();
      for (const c of drawn) {
        const key = JSON.stringify(c.ref);
        byRef.set(key, [...(byRef.get(key) ?? []), c.kind]);
      }
      // One question per child and marriage; per address one, or its move-in and move-out months (which
      // give nothing of each other away).
      for (const [ref, kinds] of byRef) {
        if (kinds.length === 2) expect([...kinds].sort(), ref).toEqual(['address_move_in', 'address_move_out']);
        else expect(kinds, ref).toHaveLength(1);
      }
      // A street shown in a move question is never the answer to an earlier-address question.
      const shownStreets = drawn.filter((c) => c.kind === 'address_move_in' || c.kind === 'address_move_out').map((c) => c.params.street);
      for (const c of drawn.filter((x) => x.kind === 'earlier_address')) {
        const expected = expectedAnswer(c, facts());
        expect(shownStreets).not.toContain(expected?.format === 'address' ? expected.fact.street : '');
      }
      // A spouse named and the same marriage's year: never both.
      const marriageRefs = drawn.filter((c) => c.family === 'marriage').map((c) => JSON.stringify(c.ref));
      expect(new Set(marriageRefs).size).toBe(marriageRefs.length);
      // Move-out of one address and move-in of the next are the same month: never both.
      const months = drawn.filter((c) => c.tags.some((t) => t.startsWith('month:'))).flatMap((c) => c.tags.filter((t) => t.startsWith('month:')));
      expect(new Set(months).size).toBe(months.length);
    }
  });

  it('asks at most two of one family and mixes families in the first four', () => {
    let mixed = 0;
    for (const drawn of draws(facts())) {
      expect(drawn).toHaveLength(6);
      const perFamily = new Map<string, number>();
      for (const c of drawn) perFamily.set(c.family, (perFamily.get(c.family) ?? 0) + 1);
      expect(Math.max(...perFamily.values())).toBeLessThanOrEqual(2);
      if (new Set(drawn.slice(0, 4).map((c) => c.family)).size === 4) mixed++;
    }
    // With five families to choose from, the first four always come from four different ones.
    expect(mixed).toBe(300);
  });

  it('uses every kind the register supports, over many draws', () => {
    const seen = new Set(draws(facts(), 400).flat().map((c) => c.kind));
    // This person never lived abroad: no country question (tested above).
    expect([...seen].sort()).toEqual(Object.keys(questionKinds).filter((k) => k !== 'country_in_year').sort());
  });

  it('gives each question its kind’s strength', () => {
    for (const c of draws(facts(), 20).flat()) expect(c.strength).toBe(questionKinds[c.kind].strength);
  });

  it('draws fewer than asked when the register holds too little', () => {
    const sparse = facts({
      addresses: [address(1, 'Lindevej', '21', '2900', 'Hellerup', '1968-03-12', null)],
      marriages: [],
      parents: [],
      children: [],
      formerNames: [],
    });
    expect(drawQuestions(buildCandidates(sparse, pick), 4, pick).length).toBeLessThan(4);
  });

  it('asks at most maxAcquaintanceQuestions an acquaintance could answer among the base questions', () => {
    const policy = { questionCount: 4, extraQuestions: 2, maxAcquaintanceQuestions: 1, minPrivateCorrect: 2 };
    for (let i = 0; i < 200; i++) {
      const plan = drawPlan(facts(), policy, pick);
      expect(plan).toHaveLength(6);
      expect(plan.slice(0, 4).filter((c) => questionKinds[c.kind].knowledge === 'acquaintance').length).toBeLessThanOrEqual(1);
    }
    // Without enough private facts for a pass the plan comes back short: the caller is referred.
    const onlyFamily = facts({ addresses: [address(1, 'Lindevej', '21', '2900', 'Hellerup', '1968-03-12', null)] });
    expect(drawPlan(onlyFamily, policy, pick).length).toBeLessThan(4);
    expect(drawPlan(onlyFamily, { ...policy, maxAcquaintanceQuestions: 4, minPrivateCorrect: 0 }, pick).length).toBeGreaterThanOrEqual(4);
  });

  it('fills the base with up to maxAcquaintanceQuestionsWhenThin acquaintance questions when only two private facts exist, never fewer private ones than a pass needs', () => {
    const policy = { questionCount: 4, extraQuestions: 2, maxAcquaintanceQuestions: 1, minPrivateCorrect: 2 };
    // Moved once in adult life: the childhood home (its address or municipality) and the month of the one move.
    const movedOnce = facts({
      addresses: [address(1, 'Nørregade', '12', '8000', 'Aarhus C', '1968-03-12', '1990-08-01'), address(2, 'Lindevej', '21', '2900', 'Hellerup', '1990-08-01', null)],
    });
    const isPrivate = (c: Candidate) => questionKinds[c.kind].knowledge === 'private';
    expect(drawPlan(movedOnce, policy, pick).length).toBeLessThan(4);
    for (let i = 0; i < 100; i++) {
      const plan = drawPlan(movedOnce, { ...policy, maxAcquaintanceQuestionsWhenThin: 2 }, pick);
      expect(plan.length).toBeGreaterThanOrEqual(4);
      expect(plan.slice(0, 4).filter(isPrivate)).toHaveLength(2);
    }
    // A setting that would leave fewer private questions than a pass needs is held at questionCount − minPrivateCorrect.
    for (let i = 0; i < 50; i++) expect(drawPlan(movedOnce, { ...policy, maxAcquaintanceQuestionsWhenThin: 4 }, pick).slice(0, 4).filter(isPrivate)).toHaveLength(2);
    // One private fact is not enough whatever the setting.
    const onlyFamily = facts({ addresses: [address(1, 'Lindevej', '21', '2900', 'Hellerup', '1968-03-12', null)] });
    expect(drawPlan(onlyFamily, { ...policy, maxAcquaintanceQuestionsWhenThin: 2 }, pick).length).toBeLessThan(4);
  });
});
