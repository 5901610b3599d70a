// The importer's behaviour on hand-made extract files: replace-all per person, annulled history,
// errors per record without stopping and without values in any line printed, a file in another
// layout refused before anything is written, resume after a crash, a finished file not read again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAddresses, registerCodes, registerMeta, registerNameHistory, registerPersons } from '../../../../../server/db/schema/register';
import { seedSandboxIfEmpty } from '../../../../../server/sandbox/seed';
import { formatRecord } from '../../../../../server/services/register/cpr-extract/codec';
import { ExtractLayoutError, importCprExtract, RegisterSourceError, type ImportEvent } from '../../../../../server/services/register/cpr-extract/importer';
import { codeRecords, personRecords as R } from '../../../../../server/services/register/cpr-extract/layout';
import { formatImportEvent } from '../../../../../server/services/register/cpr-extract/report';
import { tablesRegisterPort } from '../../../../../server/services/register/tables-adapter';
import { openTestDatabase, type TestDatabase } from '../../../../support/databases';

const now = new Date('2026-11-25T09:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'cpr-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(lines: string[], start = formatRecord(R.start, { taskNumber: '7', productionDate: '20261124' })): string {
  const name = path.join(dir, `f${++n}.txt`);
  writeFileSync(name, `${[start, ...lines, formatRecord(R.end, { counter: String(lines.length) })].join('\r\n')}\r\n`, 'latin1');
  return name;
}

const codes = () => {
  const roads = path.join(dir, `roads${++n}.txt`);
  writeFileSync(
    roads,
    [
      formatRecord(codeRecords.start, { taskNumber: '1', productionDate: '20261101' }),
      formatRecord(codeRecords.road, { municipalityCode: '751', roadCode: '1', roadName: 'Nørregade' }),
      formatRecord(codeRecords.postDistrict, { municipalityCode: '751', roadCode: '1', houseFrom: '0001', houseTo: '0099', evenOdd: ' ', postcode: '8000', postDistrict: 'Aarhus C' }),
      formatRecord(codeRecords.road, { municipalityCode: '101', roadCode: '2', roadName: 'Istedgade' }),
      formatRecord(codeRecords.postDistrict, { municipalityCode: '101', roadCode: '2', houseFrom: '0001', houseTo: '0199', evenOdd: 'U', postcode: '1650', postDistrict: 'København V' }),
    ].join('\n'),
    'latin1',
  );
  const authorities = path.join(dir, `auth${++n}.txt`);
  writeFileSync(
    authorities,
    [
      formatRecord(codeRecords.start, { taskNumber: '1', productionDate: '20261101' }),
      formatRecord(codeRecords.authority, { authorityCode: '5100', authorityType: '30', name: 'Danmark', fullName: 'Danmark', alpha2: 'DK' }),
      formatRecord(codeRecords.authority, { authorityCode: '5120', authorityType: '30', name: 'Sverige', fullName: 'Sverige', alpha2: 'SE' }),
      formatRecord(codeRecords.authority, { authorityCode: '7001', authorityType: '25', name: 'Aarhus Domsogn', fullName: 'Aarhus Domsogn' }),
    ].join('\n'),
    'latin1',
  );
  return [roads, authorities];
};

function person(pnr: string, options: { lastName?: string; history?: string[]; birth?: string } = {}): string[] {
  return [
    formatRecord(R.person, { pnr, currentPnr: pnr, status: '01', sex: 'K', birthDate: options.birth ?? '1968-03-12' }),
    formatRecord(R.name, { pnr, firstNames: 'Kirsten', lastName: options.lastName ?? 'Holm', nameStart: '1993-06-12' }),
    formatRecord(R.birthRegistration, { pnr, authorityCode: '7001' }),
    formatRecord(R.citizenship, { pnr, countryCode: '5100' }),
    formatRecord(R.civilStatus, { pnr, civilStatus: 'U', start: options.birth ?? '1968-03-12' }),
    ...(options.history ?? []),
  ];
}

const address = (pnr: string, road: string, house: string, movedIn: string, movedOut: string, annkor = '') =>
  formatRecord(R.historicalAddress, { pnr, correctionMarker: annkor, municipalityCode: road === '1' ? '751' : '101', roadCode: road, houseNumber: house, movedIn, movedOut });

let db: TestDatabase;
beforeEach(async () => {
  await db?.close();
  db = await openTestDatabase('pglite');
});
afterAll(async () => db?.close());

describe('importCprExtract', () => {
  it('imports persons with their history, resolving roads, post districts and authorities', async () => {
    const pnr = '1203681158';
    await importCprExtract(db.handle, [file(person(pnr, { history: [address(pnr, '1', '0012', '1968-03-12', '1987-08-01'), address(pnr, '2', '0045', '1987-08-01', '1993-06-12')] })), ...codes()], { now });
    const record = await tablesRegisterPort('cpr-extract').open(db.db).person(pnr, '2026-11-25');
    expect(record).toMatchObject({ name: { firstNames: 'Kirsten', lastName: 'Holm' }, birthRegistration: { place: 'Aarhus Domsogn', kind: 'parish' }, citizenship: 'DK', status: 'active' });
    expect(record?.addresses.map((a) => [a.street, a.houseNumber, a.postcode, a.town, a.country, a.movedIn, a.movedOut])).toEqual([
      ['Nørregade', '12', '8000', 'Aarhus C', 'DK', '1968-03-12', '1987-08-01'],
      ['Istedgade', '45', '1650', 'København V', 'DK', '1987-08-01', '1993-06-12'],
    ]);
    const [source] = await db.db.select().from(registerMeta).where(eq(registerMeta.key, 'source'));
    expect(source?.value).toBe('cpr-extract');
  });

  it("applies 001's replace-all: a later extract's person replaces everything held for them", async () => {
    const pnr = '1203681158';
    const [roads, authorities] = codes();
    await importCprExtract(db.handle, [file(person(pnr, { history: [address(pnr, '1', '0012', '1968-03-12', '1987-08-01'), address(pnr, '2', '0045', '1987-08-01', '1993-06-12')] })), roads as string, authorities as string], { now });
    await importCprExtract(db.handle, [file(person(pnr, { lastName: 'Jensen', history: [address(pnr, '2', '0045', '1987-08-01', '1993-06-12')] })), roads as string, authorities as string], { now });
    const addresses = await db.db.select().from(registerAddresses).where(eq(registerAddresses.cpr, pnr));
    expect(addresses.map((a) => a.street)).toEqual(['Istedgade']);
    const [row] = await db.db.select().from(registerPersons).where(eq(registerPersons.cpr, pnr));
    expect(row?.lastName).toBe('Jensen');
  });

  it('skips annulled and corrected history', async () => {
    const pnr = '1203681158';
    const history = [address(pnr, '1', '0012', '1968-03-12', '1987-08-01'), address(pnr, '2', '0045', '1987-08-01', '1993-06-12', 'A'), address(pnr, '2', '0047', '1987-08-01', '1993-06-12', 'K')];
    history.push(formatRecord(R.historicalName, { pnr, correctionMarker: 'A', firstNames: 'Kirsten', lastName: 'Jnesen', nameStart: '1968-03-12', nameEnd: '1993-06-12' }));
    await importCprExtract(db.handle, [file(person(pnr, { history })), ...codes()], { now });
    expect((await db.db.select().from(registerAddresses)).map((a) => a.street)).toEqual(['Nørregade']);
    expect(await db.db.select().from(registerNameHistory)).toEqual([]);
  });

  it('reports bad records and goes on; no line it prints carries a CPR number or a name', async () => {
    const good = '1203681158';
    const bad = '2308792199';
    const lines = [
      ...person(bad, { lastName: 'Østergaard' }),
      address(bad, '1', '0012', '1979-08-23', '1998-02-30').replace('199802300000', '199802310000'),
      address(bad, '9', '0003', '1998-03-01', '2001-01-01'),
      formatRecord(R.person, { pnr: '12345', currentPnr: '', status: '01', sex: 'M', birthDate: '1970-01-01' }),
      formatRecord(R.name, { pnr: '12345', firstNames: 'Mikkel', lastName: 'Sørensen' }),
      `0231203681158 ${'x'.repeat(200)}`,
      ...person(good),
      'this line is not a record at all, Mikkel Sørensen 2308792199',
    ];
    const events: ImportEvent[] = [];
    const summary = await importCprExtract(db.handle, [file(lines), ...codes()], { now, report: (e) => events.push(e) });
    expect(summary.persons).toBe(2);
    expect(summary.errors).toBeGreaterThanOrEqual(5);
    const printed = events.map(formatImportEvent).join('\n');
    expect(printed).toMatch(/line \d+ \(record 023\): movedOut: not a date/);
    expect(printed).toMatch(/road or post district not in the code tables/);
    expect(printed).toMatch(/record 001\): pnr: not ten digits; person skipped/);
    // Whole CPR numbers, the CPR number's digits in any split, and the names in the file.
    expect(printed).not.toMatch(/\d{6}-?\d{4}/);
    for (const word of ['Kirsten', 'Holm', 'Østergaard', 'Mikkel', 'Sørensen', 'Nørregade', '12345']) expect(printed).not.toContain(word);
  });

  it('refuses a file in another layout before writing anything', async () => {
    const other = path.join(dir, 'other.csv');
    writeFileSync(other, 'cpr;name\n1203681158;Kirsten Holm\n');
    await expect(importCprExtract(db.handle, [file(person('1203681158')), other], { now })).rejects.toThrow(ExtractLayoutError);
    const wrongStart = file(person('1203681158'), '000short');
    await expect(importCprExtract(db.handle, [wrongStart], { now })).rejects.toThrow(/start record/);
    expect(await db.db.select().from(registerPersons)).toEqual([]);
    expect(await db.db.select().from(registerMeta)).toEqual([]);
  });

  it('refuses to load an extract into the sandbox register', async () => {
    await seedSandboxIfEmpty(db.db, { persons: 100, now });
    await expect(importCprExtract(db.handle, [file(person('1203681158'))], { now })).rejects.toThrow(RegisterSourceError);
  });

  it('loads code files into register_codes once, with provenance; later person files are read with the stored codes', async () => {
    const [roads, authorities] = codes() as [string, string];
    const first = await importCprExtract(db.handle, [roads, authorities], { now });
    expect(first.persons).toBe(0);
    const rows = await db.db.select().from(registerCodes);
    expect(rows.filter((r) => r.kind === 'road').map((r) => r.name).sort()).toEqual(['Istedgade', 'Nørregade']);
    expect(rows.find((r) => r.kind === 'post_district' && r.code === '0002')).toMatchObject({ municipalityCode: '0101', postcode: '1650', houseFrom: 1, houseTo: 199, evenOdd: 'U' });
    expect(rows.find((r) => r.kind === 'authority' && r.code === '5120')).toMatchObject({ authorityType: '30', alpha2: 'SE', name: 'Sverige' });
    // Every row names the import it came from, and that import's provenance is in register_meta.
    const sources = new Set(rows.map((r) => r.source));
    expect(sources.size).toBe(2);
    for (const source of sources) {
      const [meta] = await db.db.select().from(registerMeta).where(eq(registerMeta.key, source));
      expect(JSON.parse(meta?.value ?? '{}')).toMatchObject({ productionDate: '20261101', finishedAt: expect.any(String) });
    }

    // The person file alone: the codes come from the database.
    const pnr = '1203681158';
    const events: ImportEvent[] = [];
    await importCprExtract(db.handle, [file(person(pnr, { history: [address(pnr, '2', '0045', '1987-08-01', '1993-06-12')] }))], { now, report: (e) => events.push(e) });
    expect(events.filter((e) => e.kind === 'record-error')).toEqual([]);
    expect(await db.db.select().from(registerAddresses)).toEqual([expect.objectContaining({ street: 'Istedgade', postcode: '1650', town: 'København V', municipalityCode: '0101' })]);
    expect((await db.db.select().from(registerPersons))[0]).toMatchObject({ birthplace: 'Aarhus Domsogn', citizenship: 'DK' });

    // The same code file again is not read again; a newer roads file replaces the roads it held.
    const again: ImportEvent[] = [];
    await importCprExtract(db.handle, [roads], { now, report: (e) => again.push(e) });
    expect(again).toEqual([{ kind: 'file-skipped', file: path.basename(roads), reason: 'already-imported' }]);
    const newer = path.join(dir, `roads${++n}.txt`);
    writeFileSync(
      newer,
      [
        formatRecord(codeRecords.start, { taskNumber: '2', productionDate: '20261120' }),
        formatRecord(codeRecords.road, { municipalityCode: '751', roadCode: '1', roadName: 'Nørre Allé' }),
      ].join('\n'),
      'latin1',
    );
    await importCprExtract(db.handle, [newer], { now });
    const roadsNow = await db.db.select().from(registerCodes).where(eq(registerCodes.kind, 'road'));
    expect(roadsNow.map((r) => r.name)).toEqual(['Nørre Allé']);
    expect(await db.db.select().from(registerCodes).where(eq(registerCodes.kind, 'authority'))).toHaveLength(3);
  });

  it('resumes after a crash where it stopped, and does not read a finished file again', async () => {
    const pnrs = Array.from({ length: 25 }, (_, i) => `01019${String(i).padStart(2, '0')}123`);
    const extract = file(pnrs.flatMap((p) => person(p)));
    const codeFiles = codes();
    let batches = 0;
    const crash = new Error('power cut');
    await expect(
      importCprExtract(db.handle, [extract, ...codeFiles], {
        now,
        batchSize: 10,
        afterBatch: () => {
          if (++batches === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await db.db.select().from(registerPersons)).toHaveLength(20);
    const events: ImportEvent[] = [];
    const summary = await importCprExtract(db.handle, [extract, ...codeFiles], { now, batchSize: 10, report: (e) => events.push(e) });
    expect(events.find((e) => e.kind === 'file-start')).toMatchObject({ resumeAt: expect.any(Number) });
    expect((events.find((e) => e.kind === 'file-start') as { resumeAt: number }).resumeAt).toBeGreaterThan(0);
    expect(summary.persons).toBe(25);
    expect((await db.db.select().from(registerPersons)).map((p) => p.cpr).sort()).toEqual([...pnrs].sort());
    const again: ImportEvent[] = [];
    await importCprExtract(db.handle, [extract, ...codeFiles], { now, report: (e) => again.push(e) });
    expect(again.map((e) => e.kind)).toContain('file-skipped');
  });
});
