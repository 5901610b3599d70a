// Exports the register tables (the sandbox) as CPR extract files in the public layouts: persons.txt
// (P12170), roads.txt (P05780: road names and post districts) and authorities.txt (P02680: parishes,
// countries, municipalities) from the register's code tables (register_codes). Reads persons in CPR order in batches and writes as it goes, so a
// million persons never sit in memory; only the code tables it builds do.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  registerAddresses,
  registerCivilStatus,
  registerCodes,
  registerNameHistory,
  registerPersons,
  registerRelations,
} from '../../../db/schema/register';
import type { Database } from '../../../db/types';
import { loadCodeTables } from './code-store';
import { codeOfCivilStatus, codeOfStatus, formatHouseNumber, nameAddressProtectionType, type CodeTables } from './codes';
import { formatRecord } from './codec';
import { authorityTypes, codeRecords, personRecords as R } from './layout';

export interface ExtractFiles {
  persons: string;
  roads: string;
  authorities: string;
}

export interface WriteResult {
  files: ExtractFiles;
  persons: number;
  records: number;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

class LineFile {
  private readonly stream: WriteStream;
  lines = 0;
  private buffer: string[] = [];
  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'latin1' });
  }
  add(line: string): void {
    this.buffer.push(line);
    this.lines++;
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk, 'latin1')) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** The codes of the register's own code tables (register_codes); a value without one is an error, not a new code. */
class CodeFinder {
  constructor(private readonly tables: CodeTables) {}
  road(municipalityCode: string, street: string, postcode: string): string {
    const code = this.tables.roadCodeOf(municipalityCode, street, postcode);
    if (!code) throw new Error(`no road code for a street in municipality ${municipalityCode}, post district ${postcode}: register_codes lacks it`);
    return code;
  }
  parish(name: string): string {
    const code = this.tables.authorityCodeOf(authorityTypes.parish, name);
    if (!code) throw new Error('a birth parish is not in register_codes');
    return code;
  }
  /** A country by ISO alpha-2, or by name for a birthplace abroad. */
  country(alpha2OrName: string): string {
    const code = this.tables.authorityCodeOf(authorityTypes.country, alpha2OrName);
    if (!code) throw new Error(`country ${alpha2OrName.length === 2 ? alpha2OrName : '(by name)'} is not in register_codes`);
    return code;
  }
}

type PersonRow = typeof registerPersons.$inferSelect;

function group<T extends { cpr: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.cpr);
    if (list) list.push(r);
    else out.set(r.cpr, [r]);
  }
  return out;
}

/** Writes the register's persons and the code tables they use into `dir`. */
export async function writeExtract(db: Database, dir: string, options: { now: Date; batchSize?: number }): Promise<WriteResult> {
  const batchSize = options.batchSize ?? 2000;
  const files: ExtractFiles = {
    persons: path.join(dir, 'persons.txt'),
    roads: path.join(dir, 'roads.txt'),
    authorities: path.join(dir, 'authorities.txt'),
  };
  const codes = new CodeFinder(await loadCodeTables(db));
  const out = new LineFile(files.persons);
  const production = ymd(options.now);
  out.add(formatRecord(R.start, { taskNumber: '1', productionDate: production, previousProductionDate: '' }));
  const related = alias(registerPersons, 'related');
  let persons = 0;
  let last = '';
  for (;;) {
    const batch: PersonRow[] = await db.select().from(registerPersons).where(gt(registerPersons.cpr, last)).orderBy(asc(registerPersons.cpr)).limit(batchSize);
    if (batch.length === 0) break;
    last = (batch.at(-1) as PersonRow).cpr;
    const cprs = batch.map((p) => p.cpr);
    const [names, addresses, civil, relations] = [
      group(await db.select().from(registerNameHistory).where(inArray(registerNameHistory.cpr, cprs)).orderBy(asc(registerNameHistory.cpr), asc(registerNameHistory.seq))),
      group(await db.select().from(registerAddresses).where(inArray(registerAddresses.cpr, cprs)).orderBy(asc(registerAddresses.cpr), asc(registerAddresses.seq))),
      group(await db.select().from(registerCivilStatus).where(inArray(registerCivilStatus.cpr, cprs)).orderBy(asc(registerCivilStatus.cpr), asc(registerCivilStatus.seq))),
      group(
        await db
          .select({ cpr: registerRelations.cpr, kind: registerRelations.kind, relatedCpr: registerRelations.relatedCpr, sex: related.sex })
          .from(registerRelations)
          .innerJoin(related, eq(related.cpr, registerRelations.relatedCpr))
          .where(inArray(registerRelations.cpr, cprs))
          .orderBy(asc(registerRelations.cpr), asc(registerRelations.relatedCpr)),
      ),
    ];
    for (const p of batch) {
      const pnr = p.cpr;
      const own = { names: names.get(pnr) ?? [], addresses: addresses.get(pnr) ?? [], civil: civil.get(pnr) ?? [], relations: relations.get(pnr) ?? [] };
      out.add(
        formatRecord(R.person, {
          pnr,
          currentPnr: pnr,
          status: codeOfStatus[p.status],
          statusStart: p.statusDate ?? '',
          sex: p.sex === 'male' ? 'M' : 'K',
          birthDate: p.birthDate,
          personStart: p.birthDate,
        }),
      );
      const current = own.addresses.find((a) => a.movedOut === null);
      if (current?.street && current.municipalityCode && current.postcode && current.town && current.houseNumber) {
        const roadCode = codes.road(current.municipalityCode, current.street, current.postcode);
        const place = { municipalityCode: current.municipalityCode, roadCode, houseNumber: formatHouseNumber(current.houseNumber), floor: current.floor ?? '', door: current.door ?? '' };
        out.add(formatRecord(R.currentAddress, { pnr, ...place, movedIn: current.movedIn }));
        out.add(formatRecord(R.writtenAddress, { pnr, ...place, postcode: current.postcode, postDistrict: current.town, roadAddressingName: current.street.slice(0, 20) }));
      }
      if (p.nameAddressProtection) out.add(formatRecord(R.protection, { pnr, protectionType: nameAddressProtectionType, startDate: p.birthDate }));
      if (current && current.country !== 'DK' && current.country !== 'GL') {
        out.add(formatRecord(R.departure, { pnr, exitCountryCode: codes.country(current.country), exitDate: current.movedIn }));
      }
      if (p.status === 'disappeared' && p.statusDate) out.add(formatRecord(R.disappearance, { pnr, disappearanceDate: p.statusDate }));
      const lastName = own.names.at(-1);
      out.add(
        formatRecord(R.name, {
          pnr,
          firstNames: p.firstNames,
          middleName: p.middleName ?? '',
          lastName: p.lastName,
          nameStart: lastName?.validTo ?? p.birthDate,
        }),
      );
      const birthAuthority = p.birthplaceKind === 'parish' ? codes.parish(p.birthplace) : codes.country(p.birthplace);
      out.add(formatRecord(R.birthRegistration, { pnr, authorityCode: birthAuthority }));
      out.add(formatRecord(R.citizenship, { pnr, countryCode: codes.country(p.citizenship), start: p.birthDate }));
      out.add(formatRecord(R.church, { pnr, churchRelation: p.churchMember ? 'F' : 'U' }));
      const currentCivil = own.civil.at(-1);
      if (currentCivil) {
        out.add(formatRecord(R.civilStatus, { pnr, civilStatus: codeOfCivilStatus[currentCivil.status], spousePnr: currentCivil.spouseCpr ?? '', start: currentCivil.validFrom }));
      }
      for (const r of own.relations) if (r.kind === 'child') out.add(formatRecord(R.child, { pnr, childPnr: r.relatedCpr }));
      const mother = own.relations.find((r) => r.kind === 'parent' && r.sex === 'female');
      const father = own.relations.find((r) => r.kind === 'parent' && r.sex === 'male');
      out.add(formatRecord(R.parents, { pnr, motherPnr: mother?.relatedCpr ?? '', fatherPnr: father?.relatedCpr ?? '' }));
      for (const a of own.addresses) {
        if (a === current) continue;
        if (a.country === 'DK' || a.country === 'GL') {
          if (!a.street || !a.municipalityCode || !a.postcode || !a.town || !a.houseNumber) continue;
          const roadCode = codes.road(a.municipalityCode, a.street, a.postcode);
          out.add(
            formatRecord(R.historicalAddress, {
              pnr,
              municipalityCode: a.municipalityCode,
              roadCode,
              houseNumber: formatHouseNumber(a.houseNumber),
              floor: a.floor ?? '',
              door: a.door ?? '',
              movedIn: a.movedIn,
              movedOut: a.movedOut ?? '',
            }),
          );
        } else {
          out.add(
            formatRecord(R.historicalDeparture, {
              pnr,
              exitCountryCode: codes.country(a.country),
              exitDate: a.movedIn,
              entryCountryCode: codes.country('DK'),
              entryDate: a.movedOut ?? '',
            }),
          );
        }
      }
      for (const n of own.names) {
        out.add(
          formatRecord(R.historicalName, {
            pnr,
            firstNames: n.firstNames,
            middleName: n.middleName ?? '',
            lastName: n.lastName,
            nameStart: n.validFrom,
            nameEnd: n.validTo,
          }),
        );
      }
      own.civil.slice(0, -1).forEach((c, i) => {
        const next = own.civil[i + 1];
        out.add(
          formatRecord(R.historicalCivilStatus, {
            pnr,
            civilStatus: codeOfCivilStatus[c.status],
            spousePnr: c.spouseCpr ?? '',
            start: c.validFrom,
            end: next?.validFrom ?? '',
          }),
        );
      });
      persons++;
    }
    await out.flush();
  }
  out.add(formatRecord(R.end, { counter: String(out.lines - 1) }));
  await out.close();

  // The code files: register_codes as it stands, in its own order.
  const codeRows = await db.select().from(registerCodes).orderBy(asc(registerCodes.kind), asc(registerCodes.municipalityCode), asc(registerCodes.code), asc(registerCodes.seq));
  const roads = new LineFile(files.roads);
  roads.add(formatRecord(codeRecords.start, { taskNumber: '1', productionDate: production }));
  for (const r of codeRows) {
    if (r.kind === 'road') {
      roads.add(formatRecord(codeRecords.road, { municipalityCode: r.municipalityCode, roadCode: r.code, roadAddressingName: r.name.slice(0, 20), roadName: r.name }));
    } else if (r.kind === 'post_district') {
      roads.add(
        formatRecord(codeRecords.postDistrict, {
          municipalityCode: r.municipalityCode,
          roadCode: r.code,
          houseFrom: String(r.houseFrom ?? 1).padStart(4, '0'),
          houseTo: String(r.houseTo ?? 9999).padStart(4, '0'),
          evenOdd: r.evenOdd || ' ',
          postcode: r.postcode ?? '',
          postDistrict: r.name,
        }),
      );
    }
  }
  await roads.close();

  const authorities = new LineFile(files.authorities);
  authorities.add(formatRecord(codeRecords.start, { taskNumber: '1', productionDate: production }));
  for (const a of codeRows) {
    if (a.kind !== 'authority') continue;
    authorities.add(
      formatRecord(codeRecords.authority, {
        authorityCode: a.code,
        authorityType: a.authorityType ?? '',
        name: a.name.slice(0, 20),
        fullName: a.name,
        alpha2: a.alpha2 ?? '',
        validFrom: a.validFrom ?? '',
        validTo: a.validTo ?? '',
      }),
    );
  }
  await authorities.close();

  return { files, persons, records: out.lines + roads.lines + authorities.lines };
}
