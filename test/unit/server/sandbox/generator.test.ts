import { describe, expect, it } from 'vitest';
import { parseCpr, passesModulus11 } from '../../../../shared/domain/cpr';
import { municipalityByCode, postcodeByCode } from '../../../../shared/domain/geography';
import { emptyBatch, generateRegister, type RegisterBatch } from '../../../../server/sandbox/generator';
import { personaRelatives, personas } from '../../../../server/sandbox/personas';

const now = new Date('2026-11-25T09:00:00Z');

function collect(seed: string, persons: number, batchSize?: number): { all: RegisterBatch; batches: RegisterBatch[] } {
  const all = emptyBatch();
  const batches = [...generateRegister({ seed, persons, now, ...(batchSize ? { batchSize } : {}) })];
  for (const b of batches) for (const key of Object.keys(all) as (keyof RegisterBatch)[]) (all[key] as unknown[]).push(...b[key]);
  return { all, batches };
}

const { all: reg, batches } = collect('mitid-sandbox', 5000, 500);
const byCpr = new Map(reg.persons.map((p) => [p.cpr, p]));
const group = <T extends { cpr: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.cpr, [...(m.get(r.cpr) ?? []), r]);
  return m;
};

describe('generateRegister', () => {
  it('is deterministic: the same seed and clock give the same register, another seed another', () => {
    const again = collect('mitid-sandbox', 5000, 500).all;
    expect(again).toEqual(reg);
    const other = collect('another-seed', 5000, 500).all;
    expect(other.persons.map((p) => p.cpr)).not.toEqual(reg.persons.map((p) => p.cpr));
    // The batch size changes how rows are cut, not the people.
    expect(collect('mitid-sandbox', 5000, 2000).all.persons).toEqual(reg.persons);
  });

  it('streams in batches of about the asked size and gives exactly the asked number of persons', () => {
    expect(reg.persons).toHaveLength(5000);
    expect(batches.length).toBeGreaterThanOrEqual(9);
    for (const b of batches.slice(0, -1)) expect(b.persons.length).toBeLessThan(500 + 40);
    expect(collect('small', 25).all.persons).toHaveLength(25);
  });

  it('gives every person a unique CPR valid by the century rule, with sex and birth date matching', () => {
    expect(byCpr.size).toBe(reg.persons.length);
    for (const p of reg.persons) {
      const parsed = parseCpr(p.cpr);
      expect(parsed, p.cpr).toEqual({ ok: true, cpr: { digits: p.cpr, birthDate: p.birthDate, sex: p.sex } });
      expect(p.birthDate <= '2026-11-25').toBe(true);
    }
  });

  it('has about 1 in 50 CPR numbers failing modulus 11', () => {
    const failing = reg.persons.filter((p) => !passesModulus11(p.cpr)).length / reg.persons.length;
    expect(failing).toBeGreaterThan(0.01);
    expect(failing).toBeLessThan(0.035);
  });

  it('links relatives both ways, to persons that exist, with spouses in each other\'s civil status', () => {
    const rel = new Set(reg.relations.map((r) => `${r.cpr}|${r.kind}|${r.relatedCpr}`));
    const inverse = { parent: 'child', child: 'parent', spouse: 'spouse' } as const;
    for (const r of reg.relations) {
      expect(byCpr.has(r.relatedCpr), r.relatedCpr).toBe(true);
      expect(rel.has(`${r.relatedCpr}|${inverse[r.kind]}|${r.cpr}`), `${r.cpr} ${r.kind} ${r.relatedCpr}`).toBe(true);
    }
    const civil = group(reg.civilStatus);
    for (const r of reg.relations.filter((x) => x.kind === 'spouse')) {
      const last = civil.get(r.cpr)?.at(-1);
      expect(last?.spouseCpr).toBe(r.relatedCpr);
      expect(['married', 'registered_partnership']).toContain(last?.status);
    }
    // Parents are older than their children; most people have both parents in the register.
    for (const r of reg.relations.filter((x) => x.kind === 'parent')) {
      expect(byCpr.get(r.relatedCpr)!.birthDate < byCpr.get(r.cpr)!.birthDate).toBe(true);
    }
    const withParents = new Set(reg.relations.filter((r) => r.kind === 'parent').map((r) => r.cpr)).size;
    expect(withParents / reg.persons.length).toBeGreaterThan(0.3);
  });

  it('orders each life\'s addresses from birth, without overlap, the last one open', () => {
    const addresses = group(reg.addresses);
    for (const p of reg.persons) {
      const rows = addresses.get(p.cpr) ?? [];
      expect(rows.length, p.cpr).toBeGreaterThanOrEqual(1);
      expect(rows.length, p.cpr).toBeLessThanOrEqual(8);
      expect(rows[0]!.movedIn).toBe(p.birthDate);
      rows.forEach((a, i) => {
        expect(a.seq).toBe(i + 1);
        const next = rows[i + 1];
        if (next) {
          expect(a.movedIn < next.movedIn, `${p.cpr} #${a.seq}`).toBe(true);
          expect(a.movedOut).toBe(next.movedIn);
        } else {
          expect(a.movedOut).toBeNull();
        }
        if (a.postcode) {
          const place = postcodeByCode(a.postcode);
          expect(place?.municipalityCode).toBe(a.municipalityCode);
          expect(place?.town).toBe(a.town);
          expect(a.houseNumber).toMatch(/^\d+[A-D]?$/);
          if (a.floor !== null) expect(a.floor).toMatch(/^(st|kl|\d{1,2})$/);
          if (a.door !== null && a.door !== undefined) expect(a.door).toMatch(/^(th|tv|mf|\d{1,2})$/);
        } else {
          expect(a.street ?? null).toBeNull();
          expect(a.country).not.toBe('DK');
        }
      });
      if (p.status === 'emigrated') expect(rows.at(-1)!.postcode ?? null).toBeNull();
    }
    // Some lives include a stay abroad and a return; some live in Greenland.
    const abroadAndBack = [...addresses.values()].filter((rows) => rows.some((a, i) => !a.postcode && rows[i + 1]?.country === 'DK'));
    expect(abroadAndBack.length).toBeGreaterThan(20);
    expect(reg.addresses.some((a) => a.country === 'GL' && municipalityByCode(a.municipalityCode!)?.country === 'GL')).toBe(true);
  });

  it('keeps civil status histories in order and names history for those who changed name', () => {
    const civil = group(reg.civilStatus);
    for (const p of reg.persons) {
      const rows = civil.get(p.cpr)!;
      expect(rows[0]).toMatchObject({ status: 'unmarried', validFrom: p.birthDate });
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.validFrom >= rows[i - 1]!.validFrom).toBe(true);
    }
    const statuses = new Set(reg.civilStatus.map((c) => c.status));
    for (const s of ['unmarried', 'married', 'divorced', 'widowed']) expect(statuses).toContain(s);
    for (const n of reg.names) expect(n.validFrom < n.validTo).toBe(true);
    expect(reg.names.length).toBeGreaterThan(100);
  });

  it('issues unique 9-digit passports and 8-digit licences, some expired, some Greenlandic', () => {
    const keys = reg.documents.map((d) => `${d.type}:${d.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of reg.documents) {
      expect(d.number).toMatch(d.type === 'passport' ? /^\d{9}$/ : /^\d{8}$/);
      expect(d.issuedOn < d.expiresOn).toBe(true);
      expect(d.issuedOn >= byCpr.get(d.cpr)!.birthDate).toBe(true);
    }
    const expired = reg.documents.filter((d) => d.expiresOn < '2026-11-25').length;
    expect(expired).toBeGreaterThan(reg.documents.length * 0.05);
    expect(expired).toBeLessThan(reg.documents.length * 0.5);
    expect(reg.documents.some((d) => d.issuingCountry === 'GL')).toBe(true);
  });

  it('gives MitID user IDs valid by the MitID rules, unique, lower-case, only to the living', () => {
    const ids = reg.mitid.map((m) => m.userId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(reg.mitid.map((m) => m.cpr)).size).toBe(ids.length);
    for (const m of reg.mitid) {
      expect(m.userId).toMatch(/^[a-zæøå0-9 {}!#$^,*()_+\-=:;?.@]{5,48}$/);
      expect(m.userId).toBe(m.userId.toLowerCase());
      expect(m.userId).not.toMatch(/\d{10}/);
      expect(m.userId).toBe(m.userId.trim());
      expect(m.mobileNumber).toMatch(/^(\+45[2-9]\d{7}|\+299\d{6})$/);
      expect(m.mobileRegisteredAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(byCpr.get(m.cpr)!.status).not.toBe('deceased');
    }
  });

  it('always holds the awkward cases', () => {
    for (const seed of ['mitid-sandbox', 'other']) {
      const { all } = collect(seed, 60);
      const people = new Map(all.persons.map((p) => [p.cpr, p]));
      const mitid = new Map(all.mitid.map((m) => [m.cpr, m]));
      expect(all.persons.some((p) => p.nameAddressProtection)).toBe(true);
      expect(all.persons.some((p) => p.status === 'deceased')).toBe(true);
      expect(all.persons.some((p) => p.status === 'emigrated')).toBe(true);
      expect(all.persons.some((p) => p.status === 'active' && !mitid.has(p.cpr))).toBe(true);
      const twoDaysAgo = now.getTime() - 2 * 86_400_000;
      expect(all.mitid.some((m) => m.mobileRegisteredAt.getTime() === twoDaysAgo)).toBe(true);
      const counts = group(all.addresses);
      expect([...counts.values()].some((rows) => rows.length === 1 && rows[0]!.movedIn === people.get(rows[0]!.cpr)!.birthDate && rows[0]!.movedOut === null && people.get(rows[0]!.cpr)!.birthDate < '1990-01-01')).toBe(true);
      // Two passports whose numbers differ in exactly one digit.
      const passports = all.documents.filter((d) => d.type === 'passport').map((d) => d.number);
      const oneDigitApart = passports.some((a, i) => passports.slice(i + 1).some((b) => [...a].filter((c, k) => c !== b[k]).length === 1));
      expect(oneDigitApart).toBe(true);
    }
  });
});

describe('demo personas', () => {
  const persona = (cpr: string) => ({
    person: byCpr.get(cpr)!,
    addresses: reg.addresses.filter((a) => a.cpr === cpr),
    documents: reg.documents.filter((d) => d.cpr === cpr),
    mitid: reg.mitid.find((m) => m.cpr === cpr),
    relations: reg.relations.filter((r) => r.cpr === cpr),
  });

  it('come first in every register, unchanged by the seed', () => {
    const count = Object.keys(personas).length + Object.keys(personaRelatives).length;
    const other = collect('some-other-seed', 100).all;
    expect(other.persons.slice(0, count)).toEqual(reg.persons.slice(0, count));
  });

  it('(a) passes easily: valid passport, MitID with an old mobile, parents, spouse and children', () => {
    const k = persona(personas.easy.cpr);
    expect(k.documents.find((d) => d.type === 'passport')!.expiresOn > '2026-11-25').toBe(true);
    expect(k.mitid!.mobileRegisteredAt.getTime()).toBeLessThan(now.getTime() - 5 * 86_400_000);
    const kinds = k.relations.map((r) => r.kind).sort();
    expect(kinds).toEqual(['child', 'child', 'parent', 'parent', 'spouse']);
    expect(reg.names.filter((n) => n.cpr === personas.easy.cpr).map((n) => n.lastName)).toEqual(['Jensen']);
  });

  it('(b) has a tricky address history: many moves, abroad and back, Søllerød before 2007', () => {
    const m = persona(personas.trickyAddresses.cpr);
    expect(m.addresses).toHaveLength(8);
    expect(m.addresses.filter((a) => !a.postcode).map((a) => a.country)).toEqual(['SE', 'GB']);
    expect(m.addresses.some((a) => /[A-Z]$/.test(a.houseNumber ?? '') && a.floor && a.door)).toBe(true);
    const holte = m.addresses.find((a) => a.postcode === '2840')!;
    expect(holte.movedIn < '2007-01-01' && holte.movedOut! > '2007-01-01').toBe(true);
  });

  it('(c) has an expired passport and a valid driving licence; (d) changed mobile 2 days ago', () => {
    const c = persona(personas.expiredPassport.cpr);
    expect(c.documents.find((d) => d.type === 'passport')!.expiresOn < '2026-11-25').toBe(true);
    expect(c.documents.find((d) => d.type === 'driving_licence')!.expiresOn > '2026-11-25').toBe(true);
    expect(passesModulus11(personas.expiredPassport.cpr)).toBe(false);
    const d = persona(personas.recentMobile.cpr);
    expect(d.mitid!.mobileRegisteredAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    // Enough history to pass (so the fresh mobile number is what stops the code): parents, three earlier homes.
    expect(d.relations.filter((r) => r.kind === 'parent').map((r) => r.relatedCpr).sort()).toEqual([personaRelatives.jonasMother.cpr, personaRelatives.jonasFather.cpr].sort());
    expect(d.addresses).toHaveLength(4);
  });

  it('include the deceased, protected, no-MitID, emigrated, single-address and near-passport people', () => {
    expect(persona(personas.deceased.cpr).person.status).toBe('deceased');
    expect(persona(personas.protected.cpr).person.nameAddressProtection).toBe(true);
    expect(persona(personas.noMitid.cpr).mitid).toBeUndefined();
    expect(persona(personas.emigrated.cpr).person.status).toBe('emigrated');
    expect(persona(personas.singleAddress.cpr).addresses).toHaveLength(1);
    const a = persona(personas.easy.cpr).documents.find((d) => d.type === 'passport')!.number;
    const b = persona(personas.nearPassport.cpr).documents.find((d) => d.type === 'passport')!.number;
    expect([...a].filter((c, i) => c !== b[i])).toHaveLength(1);
  });
});
