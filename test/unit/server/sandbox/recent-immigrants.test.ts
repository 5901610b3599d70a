// Recent immigrants in the sandbox register: present, and as thin as real records of people who came to
// Denmark in the last five years.
import { describe, expect, it } from 'vitest';
import { emptyBatch, generateRegister, type RegisterBatch } from '../../../../server/sandbox/generator';
import { personaRecords } from '../../../../server/sandbox/personas';

const now = new Date('2026-11-25T09:00:00Z');
const today = now.toISOString().slice(0, 10);
const fiveYearsAgo = '2021-11-25';

function collect(seed: string, persons: number): RegisterBatch {
  const all = emptyBatch();
  for (const b of generateRegister({ seed, persons, now })) for (const key of Object.keys(all) as (keyof RegisterBatch)[]) (all[key] as unknown[]).push(...b[key]);
  return all;
}

describe('recent immigrants in the sandbox generator', () => {
  const reg = collect('immigrants', 4000);
  const addresses = new Map<string, RegisterBatch['addresses']>();
  for (const a of reg.addresses) addresses.set(a.cpr, [...(addresses.get(a.cpr) ?? []), a]);
  // Born abroad, the first Danish home less than five years ago.
  const arrivals = reg.persons.filter((p) => {
    const rows = (addresses.get(p.cpr) ?? []).sort((a, b) => a.seq - b.seq);
    const firstHere = rows.find((a) => a.country === 'DK' || a.country === 'GL');
    return p.birthplaceKind === 'country' && rows[0]?.country !== 'DK' && firstHere !== undefined && firstHere.movedIn >= fiveYearsAgo;
  });

  it('makes about 3 % of persons recent arrivals, deterministically and without touching the personas', () => {
    expect(arrivals.length / reg.persons.length).toBeGreaterThan(0.015);
    expect(arrivals.length / reg.persons.length).toBeLessThan(0.06);
    expect(collect('immigrants', 4000)).toEqual(reg);
    for (const r of personaRecords(now)) expect(reg.persons.find((x) => x.cpr === r.person.cpr)).toEqual(r.person);
  });

  it('gives them a stay abroad from birth, one to three Danish homes, foreign citizenship, no Danish passport, and documents and MitID only after arriving', () => {
    const mitid = new Map(reg.mitid.map((m) => [m.cpr, m]));
    for (const p of arrivals) {
      const rows = (addresses.get(p.cpr) ?? []).sort((a, b) => a.seq - b.seq);
      expect(rows[0]).toMatchObject({ movedIn: p.birthDate, postcode: null });
      const danish = rows.filter((a) => a.country === 'DK');
      expect(danish.length).toBeGreaterThanOrEqual(1);
      expect(danish.length).toBeLessThanOrEqual(3);
      const arrival = danish[0]!.movedIn;
      expect(p.citizenship).not.toBe('DK');
      const documents = reg.documents.filter((d) => d.cpr === p.cpr);
      expect(documents.filter((d) => d.type === 'passport')).toEqual([]);
      for (const d of documents) expect(d.issuedOn > arrival && d.issuedOn <= today).toBe(true);
      const m = mitid.get(p.cpr);
      if (m) expect(m.mobileRegisteredAt.toISOString().slice(0, 10) > arrival).toBe(true);
    }
    // Some came as families: a child of theirs is in the register too.
    const cprs = new Set(arrivals.map((p) => p.cpr));
    expect(reg.relations.some((r) => r.kind === 'child' && cprs.has(r.cpr))).toBe(true);
  });
});
