// Our record layouts against the public P12170 / P05780 / P02680 descriptions: every field below is
// written down from the public layout (position and length as the CPR documentation counts, 1-based);
// a layout that drifts from it fails here.
import { describe, expect, it } from 'vitest';
import { formatRecord, parseRecord, toLatin1 } from '../../../../../server/services/register/cpr-extract/codec';
import { codeRecords, personRecords, type RecordDef } from '../../../../../server/services/register/cpr-extract/layout';

// [record, field, position, length] from the public layout.
const publicPositions: [RecordDef, string, number, number][] = [
  [personRecords.start, 'productionDate', 20, 8],
  [personRecords.person, 'pnr', 4, 10],
  [personRecords.person, 'status', 24, 2],
  [personRecords.person, 'statusStart', 26, 12],
  [personRecords.person, 'sex', 39, 1],
  [personRecords.person, 'birthDate', 40, 10],
  [personRecords.person, 'job', 73, 34],
  [personRecords.currentAddress, 'municipalityCode', 14, 4],
  [personRecords.currentAddress, 'roadCode', 18, 4],
  [personRecords.currentAddress, 'houseNumber', 22, 4],
  [personRecords.currentAddress, 'floor', 26, 2],
  [personRecords.currentAddress, 'door', 28, 4],
  [personRecords.currentAddress, 'movedIn', 70, 12],
  [personRecords.currentAddress, 'movedInUncertain', 82, 1],
  [personRecords.currentAddress, 'homeAuthority', 113, 4],
  [personRecords.currentAddress, 'supplementaryEnd', 297, 10],
  [personRecords.writtenAddress, 'postcode', 184, 4],
  [personRecords.writtenAddress, 'postDistrict', 188, 20],
  [personRecords.writtenAddress, 'roadAddressingName', 230, 20],
  [personRecords.protection, 'protectionType', 14, 4],
  [personRecords.protection, 'endDate', 28, 10],
  [personRecords.departure, 'exitCountryCode', 14, 4],
  [personRecords.departure, 'exitDate', 18, 12],
  [personRecords.departure, 'foreignAddress5', 167, 34],
  [personRecords.disappearance, 'disappearanceDate', 14, 12],
  [personRecords.name, 'firstNames', 14, 50],
  [personRecords.name, 'middleName', 65, 40],
  [personRecords.name, 'lastName', 106, 40],
  [personRecords.name, 'nameStart', 147, 12],
  [personRecords.name, 'addressingName', 160, 34],
  [personRecords.birthRegistration, 'authorityCode', 14, 4],
  [personRecords.birthRegistration, 'authorityText', 18, 20],
  [personRecords.citizenship, 'countryCode', 14, 4],
  [personRecords.church, 'churchRelation', 14, 1],
  [personRecords.civilStatus, 'civilStatus', 14, 1],
  [personRecords.civilStatus, 'spousePnr', 15, 10],
  [personRecords.civilStatus, 'start', 71, 12],
  [personRecords.civilStatus, 'separationReference', 84, 12],
  [personRecords.child, 'childPnr', 14, 10],
  [personRecords.parents, 'motherPnr', 25, 10],
  [personRecords.parents, 'fatherPnr', 92, 10],
  [personRecords.parents, 'fatherNameMarker', 147, 1],
  [personRecords.historicalPnr, 'oldPnr', 14, 10],
  [personRecords.historicalAddress, 'correctionMarker', 14, 1],
  [personRecords.historicalAddress, 'municipalityCode', 15, 4],
  [personRecords.historicalAddress, 'movedIn', 71, 12],
  [personRecords.historicalAddress, 'movedOut', 84, 12],
  [personRecords.historicalAddress, 'movedOutUncertain', 96, 1],
  [personRecords.historicalDeparture, 'exitCountryCode', 15, 4],
  [personRecords.historicalDeparture, 'entryDate', 36, 12],
  [personRecords.historicalDeparture, 'foreignAddress5', 185, 34],
  [personRecords.historicalDisappearance, 'retrievalDate', 28, 12],
  [personRecords.historicalName, 'firstNames', 15, 50],
  [personRecords.historicalName, 'nameEnd', 161, 12],
  [personRecords.historicalCitizenship, 'end', 32, 12],
  [personRecords.historicalCivilStatus, 'civilStatus', 15, 1],
  [personRecords.historicalCivilStatus, 'start', 72, 12],
  [personRecords.historicalCivilStatus, 'end', 85, 12],
  [personRecords.historicalCivilStatus, 'separationReference', 98, 12],
  [personRecords.end, 'counter', 14, 8],
  [codeRecords.road, 'roadAddressingName', 52, 20],
  [codeRecords.road, 'roadName', 72, 40],
  [codeRecords.postDistrict, 'postcode', 33, 4],
  [codeRecords.postDistrict, 'postDistrict', 37, 20],
  [codeRecords.authority, 'authorityType', 8, 2],
  [codeRecords.authority, 'name', 55, 20],
  [codeRecords.authority, 'fullName', 253, 60],
  [codeRecords.authority, 'alpha2', 413, 2],
];

// Record lengths from the public layout.
const publicLengths: [RecordDef, number][] = [
  [personRecords.start, 35], [personRecords.person, 106], [personRecords.currentAddress, 306], [personRecords.writtenAddress, 249],
  [personRecords.protection, 37], [personRecords.departure, 200], [personRecords.disappearance, 26], [personRecords.name, 193],
  [personRecords.birthRegistration, 37], [personRecords.citizenship, 30], [personRecords.church, 25], [personRecords.civilStatus, 95],
  [personRecords.child, 23], [personRecords.parents, 147], [personRecords.historicalPnr, 45], [personRecords.historicalAddress, 96],
  [personRecords.historicalDeparture, 218], [personRecords.historicalDisappearance, 40], [personRecords.historicalName, 173],
  [personRecords.historicalCitizenship, 44], [personRecords.historicalCivilStatus, 109], [personRecords.end, 21],
  [codeRecords.start, 17], [codeRecords.road, 111], [codeRecords.postDistrict, 56], [codeRecords.authority, 420],
];

describe('CPR extract layouts', () => {
  it.each(publicPositions)('%# field at its public position', (def, name, position, length) => {
    expect(def.fields.find((f) => f.name === name), `${def.cprName} ${name}`).toMatchObject({ position, length });
  });

  it.each(publicLengths)('%# record as long as the public layout', (def, length) => {
    expect(def.length, def.cprName).toBe(length);
  });

  it('reads a 001 line laid out by hand from the public positions', () => {
    const line = `001${'1203681158'}${'1203681158'}01${'000000000000'} K1968-03-12 1968-03-12${' '.repeat(12)}${''.padEnd(34)}`;
    expect(line).toHaveLength(106);
    expect(parseRecord(personRecords.person, line)).toMatchObject({ pnr: '1203681158', status: '01', sex: 'K', birthDate: '1968-03-12', statusStart: '', personEnd: '' });
  });

  it('writes what it reads, dates in both CPR forms', () => {
    const line = formatRecord(personRecords.historicalAddress, { pnr: '2308792199', municipalityCode: '751', roadCode: '12', houseNumber: '021', floor: 'st', door: 'mf', movedIn: '2008-08-01', movedOut: '2010-06-15' });
    expect(line).toHaveLength(96);
    expect(line.slice(70, 82)).toBe('200808010000');
    expect(parseRecord(personRecords.historicalAddress, line)).toMatchObject({ municipalityCode: '0751', roadCode: '0012', movedIn: '2008-08-01', movedOut: '2010-06-15', correctionMarker: '' });
  });

  it('refuses a date that does not exist, naming the field and never the value', () => {
    const line = formatRecord(personRecords.historicalAddress, { pnr: '2308792199', movedIn: '2008-08-01' }).replace('200808010000', '200802300000');
    expect(() => parseRecord(personRecords.historicalAddress, line)).toThrow(/^movedIn: not a date/);
    try {
      parseRecord(personRecords.historicalAddress, line);
    } catch (error) {
      expect(String(error)).not.toContain('2308792199');
    }
  });

  it('keeps Latin-1 letters and gives others their base letter', () => {
    expect(toLatin1('Søren Ærø Åse Müller Wiśniewski Łukasz')).toBe('Søren Ærø Åse Müller Wisniewski Lukasz');
  });
});
