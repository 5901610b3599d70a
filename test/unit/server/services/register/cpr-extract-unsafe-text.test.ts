// A NUL byte in a text field of an extract file (person, code or municipality file) is that record's
// error, naming the line, the record type and the field: never a failed batch, a crash, or a printed
// value. (The files are ISO-8859-1, one byte per character, so a lone surrogate cannot be read from
// one; the codec's rule still refuses it for a caller that hands it a decoded string.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCodes, registerPersons } from '../../../../../server/db/schema/register';
import { FieldError, formatRecord, parseRecord } from '../../../../../server/services/register/cpr-extract/codec';
import { importCprExtract, type ImportEvent } from '../../../../../server/services/register/cpr-extract/importer';
import { codeRecords, personRecords as R } from '../../../../../server/services/register/cpr-extract/layout';
import { formatImportEvent } from '../../../../../server/services/register/cpr-extract/report';
import { describeEachDatabase } from '../../../../support/databases';

const now = new Date('2026-11-25T09:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'cpr-unsafe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(lines: string[]): string {
  const name = path.join(dir, `f${++n}.txt`);
  writeFileSync(name, `${lines.join('\r\n')}\r\n`, 'latin1');
  return name;
}

/** Puts a NUL into a formatted line in place of the character at `at` (a position inside a field). */
const withNul = (line: string, at: number) => `${line.slice(0, at)}\u0000${line.slice(at + 1)}`;

const person = (pnr: string, lastName: string) => [
  formatRecord(R.person, { pnr, currentPnr: pnr, status: '01', sex: 'K', birthDate: '1968-03-12' }),
  formatRecord(R.name, { pnr, firstNames: 'Kirsten', lastName, nameStart: '1993-06-12' }),
];

function fieldStart(def: (typeof R)[keyof typeof R], field: string): number {
  const f = def.fields.find((x) => x.name === field);
  if (!f) throw new Error(`no field ${field}`);
  return f.position - 1;
}

describe('codec: unsafe text in a field', () => {
  it('refuses NUL and a lone surrogate in a text field, naming the field only', () => {
    const line = formatRecord(R.name, { pnr: '1203681158', firstNames: 'Kirsten', lastName: 'Holm' });
    const at = fieldStart(R.name, 'lastName');
    for (const bad of ['\u0000', '\uD800']) {
      const broken = `${line.slice(0, at)}${bad}${line.slice(at + 1)}`;
      let thrown: unknown;
      try {
        parseRecord(R.name, broken);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FieldError);
      expect((thrown as FieldError).field).toBe('lastName');
      expect((thrown as Error).message).not.toContain('olm');
    }
  });
});

describeEachDatabase('importCprExtract: NUL in a text field', (get) => {
  it('reports the record by line, type and field, imports the rest, prints no value', async () => {
    const db = get();
    const good = '1203681158';
    const bad = '2308792199';
    const badName = person(bad, 'Østergaard');
    badName[1] = withNul(badName[1] as string, fieldStart(R.name, 'lastName') + 3);
    const lines = [
      formatRecord(R.start, { taskNumber: '7', productionDate: '20261124' }),
      ...badName,
      ...person(good, 'Holm'),
      formatRecord(R.end, { counter: '4' }),
    ];
    const roadLine = formatRecord(codeRecords.road, { municipalityCode: '751', roadCode: '1', roadName: 'Nørregade' });
    const roads = write([
      formatRecord(codeRecords.start, { taskNumber: '1', productionDate: '20261101' }),
      withNul(roadLine, fieldStart(codeRecords.road, 'roadName') + 2),
      formatRecord(codeRecords.road, { municipalityCode: '101', roadCode: '2', roadName: 'Istedgade' }),
    ]);
    const municipalities = write(['000;KOMMUNER;20261101', '001;0751;0751;Å\u0000rhus;;', '001;0101;0101;København;2007-01-01;']);
    const events: ImportEvent[] = [];
    const summary = await importCprExtract(db.handle, [write(lines), roads, municipalities], { now, report: (e) => events.push(e) });

    const errors = events.filter((e) => e.kind === 'record-error');
    expect(errors.map((e) => e.kind === 'record-error' && [path.basename(e.file).startsWith('f'), e.line, e.recordType, e.reason])).toEqual(
      expect.arrayContaining([
        [true, 3, R.name.type, expect.stringMatching(/^lastName: .*not allowed/)],
        [true, 2, '001', expect.stringMatching(/^roadName: .*not allowed/)],
        [true, 2, expect.any(String), expect.stringMatching(/name.*not (allowed|valid)/)],
      ]),
    );
    expect(summary.errors).toBeGreaterThanOrEqual(3);
    const printed = events.map(formatImportEvent).join('\n');
    for (const word of ['\u0000', 'Øst', 'gaard', 'Nør', 'rhus', bad]) expect(printed).not.toContain(word);

    // The good person and the good code rows are in; nothing with a NUL reached the database.
    const persons = await db.db.select().from(registerPersons);
    expect(persons.map((p) => p.cpr)).toContain(good);
    const codes = await db.db.select().from(registerCodes);
    expect(codes.some((c) => c.name === 'Istedgade')).toBe(true);
    expect(codes.some((c) => c.name === 'København')).toBe(true);
    expect(JSON.stringify(codes)).not.toContain('\\u0000');
  }, 60_000);
});
