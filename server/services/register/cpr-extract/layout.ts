// Fixed-width record layouts of the CPR office's files, one place for every field's position and length
// (1-based, as the CPR documentation counts). Our own definitions, written from the public record
// descriptions (the open-source CPR broker, magenta-aps/cprbroker, CPRDirect/XML/Definitions.xml for
// the P12170 person extract, CPRDirect/Lookup/GeoInformation.xml for the P05780 road register and
// Lookup/Authority.xml for the P02680 authority table). Every line is ISO-8859-1 and starts with its
// three-digit record type. Only the records the console uses are listed; others are skipped unread.

/** a: text (trailing spaces dropped); n: digits; t: yyyyMMddHHmm; d: yyyy-MM-dd; u: uncertainty marker. */
export type FieldKind = 'a' | 'n' | 't' | 'd' | 'u';
export interface FieldDef {
  name: string;
  position: number;
  length: number;
  kind: FieldKind;
}
export interface RecordDef {
  type: string;
  /** The record's name in the CPR documentation. */
  cprName: string;
  length: number;
  fields: readonly FieldDef[];
}

type Spec = readonly (readonly [name: string, length: number, kind: FieldKind])[];

/** Fields follow each other from position 1; a spec lists them in order with their lengths. */
function record(type: string, cprName: string, spec: Spec): RecordDef {
  let position = 1;
  const fields: FieldDef[] = [];
  for (const [name, length, kind] of [['recordType', 3, 'n'] as const, ...spec]) {
    fields.push({ name, position, length, kind });
    position += length;
  }
  return { type, cprName, length: position - 1, fields };
}

const pnr = ['pnr', 10, 'a'] as const;
const annkor = ['correctionMarker', 1, 'a'] as const;
const lines = (prefix: string, n: number, length = 34) => Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, length, 'a'] as const);

/** P12170: the person extract (CPR Udtræk / CPR Direkte). */
export const personRecords = {
  start: record('000', 'P12170-000', [
    ['sortField', 10, 'a'],
    ['taskNumber', 6, 'n'],
    ['productionDate', 8, 'n'],
    ['previousProductionDate', 8, 'n'],
  ]),
  person: record('001', 'P12170-001', [
    pnr,
    ['currentPnr', 10, 'a'],
    ['status', 2, 'n'],
    ['statusStart', 12, 't'],
    ['statusStartUncertain', 1, 'u'],
    ['sex', 1, 'a'],
    ['birthDate', 10, 'd'],
    ['birthDateUncertain', 1, 'u'],
    ['personStart', 10, 'd'],
    ['personStartUncertain', 1, 'u'],
    ['personEnd', 10, 'd'],
    ['personEndUncertain', 1, 'u'],
    ['job', 34, 'a'],
  ]),
  currentAddress: record('002', 'P12170-002', [
    pnr,
    ['municipalityCode', 4, 'n'],
    ['roadCode', 4, 'n'],
    ['houseNumber', 4, 'a'],
    ['floor', 2, 'a'],
    ['door', 4, 'a'],
    ['buildingNumber', 4, 'a'],
    ['careOf', 34, 'a'],
    ['movedIn', 12, 't'],
    ['movedInUncertain', 1, 'u'],
    ['municipalityArrival', 12, 't'],
    ['municipalityArrivalUncertain', 1, 'u'],
    ['leavingMunicipalityCode', 4, 'n'],
    ['municipalityDeparture', 12, 't'],
    ['municipalityDepartureUncertain', 1, 'u'],
    ['homeAuthority', 4, 'n'],
    ...lines('supplementaryAddress', 5),
    ['supplementaryStart', 10, 'd'],
    ['supplementaryEnd', 10, 'd'],
  ]),
  writtenAddress: record('003', 'P12170-003', [
    pnr,
    ['addressingName', 34, 'a'],
    ['careOf', 34, 'a'],
    ['locality', 34, 'a'],
    ['labelledAddress', 34, 'a'],
    ['cityName', 34, 'a'],
    ['postcode', 4, 'n'],
    ['postDistrict', 20, 'a'],
    ['municipalityCode', 4, 'n'],
    ['roadCode', 4, 'n'],
    ['houseNumber', 4, 'a'],
    ['floor', 2, 'a'],
    ['door', 4, 'a'],
    ['buildingNumber', 4, 'a'],
    ['roadAddressingName', 20, 'a'],
  ]),
  protection: record('004', 'P12170-004', [pnr, ['protectionType', 4, 'n'], ['startDate', 10, 'd'], ['endDate', 10, 'd']]),
  departure: record('005', 'P12170-005', [
    pnr,
    ['exitCountryCode', 4, 'n'],
    ['exitDate', 12, 't'],
    ['exitDateUncertain', 1, 'u'],
    ...lines('foreignAddress', 5),
  ]),
  disappearance: record('007', 'P12170-007', [pnr, ['disappearanceDate', 12, 't'], ['disappearanceDateUncertain', 1, 'u']]),
  name: record('008', 'P12170-008', [
    pnr,
    ['firstNames', 50, 'a'],
    ['firstNamesMarker', 1, 'a'],
    ['middleName', 40, 'a'],
    ['middleNameMarker', 1, 'a'],
    ['lastName', 40, 'a'],
    ['lastNameMarker', 1, 'a'],
    ['nameStart', 12, 't'],
    ['nameStartUncertain', 1, 'u'],
    ['addressingName', 34, 'a'],
  ]),
  birthRegistration: record('009', 'P12170-009', [pnr, ['authorityCode', 4, 'n'], ['authorityText', 20, 'a']]),
  citizenship: record('010', 'P12170-010', [pnr, ['countryCode', 4, 'n'], ['start', 12, 't'], ['startUncertain', 1, 'u']]),
  church: record('011', 'P12170-011', [pnr, ['churchRelation', 1, 'a'], ['startDate', 10, 'd'], ['startDateUncertain', 1, 'u']]),
  civilStatus: record('012', 'P12170-012', [
    pnr,
    ['civilStatus', 1, 'a'],
    ['spousePnr', 10, 'a'],
    ['spouseBirthDate', 10, 'd'],
    ['spouseBirthDateUncertain', 1, 'u'],
    ['spouseName', 34, 'a'],
    ['spouseNameMarker', 1, 'a'],
    ['start', 12, 't'],
    ['startUncertain', 1, 'u'],
    ['separationReference', 12, 'a'],
  ]),
  child: record('014', 'P12170-014', [pnr, ['childPnr', 10, 'a']]),
  parents: record('015', 'P12170-015', [
    pnr,
    ['motherDate', 10, 'd'],
    ['motherDateUncertain', 1, 'u'],
    ['motherPnr', 10, 'a'],
    ['motherBirthDate', 10, 'd'],
    ['motherBirthDateUncertain', 1, 'u'],
    ['motherName', 34, 'a'],
    ['motherNameMarker', 1, 'a'],
    ['fatherDate', 10, 'd'],
    ['fatherDateUncertain', 1, 'u'],
    ['fatherPnr', 10, 'a'],
    ['fatherBirthDate', 10, 'd'],
    ['fatherBirthDateUncertain', 1, 'u'],
    ['fatherName', 34, 'a'],
    ['fatherNameMarker', 1, 'a'],
  ]),
  historicalPnr: record('022', 'P12170-022', [
    ['pnr', 10, 'a'],
    ['oldPnr', 10, 'a'],
    ['oldPnrStart', 10, 'd'],
    ['oldPnrStartUncertain', 1, 'u'],
    ['oldPnrEnd', 10, 'd'],
    ['oldPnrEndUncertain', 1, 'u'],
  ]),
  historicalAddress: record('023', 'P12170-023', [
    pnr,
    annkor,
    ['municipalityCode', 4, 'n'],
    ['roadCode', 4, 'n'],
    ['houseNumber', 4, 'a'],
    ['floor', 2, 'a'],
    ['door', 4, 'a'],
    ['buildingNumber', 4, 'a'],
    ['careOf', 34, 'a'],
    ['movedIn', 12, 't'],
    ['movedInUncertain', 1, 'u'],
    ['movedOut', 12, 't'],
    ['movedOutUncertain', 1, 'u'],
  ]),
  historicalDeparture: record('024', 'P12170-024', [
    pnr,
    annkor,
    ['exitCountryCode', 4, 'n'],
    ['exitDate', 12, 't'],
    ['exitDateUncertain', 1, 'u'],
    ['entryCountryCode', 4, 'n'],
    ['entryDate', 12, 't'],
    ['entryDateUncertain', 1, 'u'],
    ...lines('foreignAddress', 5),
  ]),
  historicalDisappearance: record('025', 'P12170-025', [
    pnr,
    annkor,
    ['disappearanceDate', 12, 't'],
    ['disappearanceDateUncertain', 1, 'u'],
    ['retrievalDate', 12, 't'],
    ['retrievalDateUncertain', 1, 'u'],
  ]),
  historicalName: record('026', 'P12170-026', [
    pnr,
    annkor,
    ['firstNames', 50, 'a'],
    ['firstNamesMarker', 1, 'a'],
    ['middleName', 40, 'a'],
    ['middleNameMarker', 1, 'a'],
    ['lastName', 40, 'a'],
    ['lastNameMarker', 1, 'a'],
    ['nameStart', 12, 't'],
    ['nameStartUncertain', 1, 'u'],
    ['nameEnd', 12, 't'],
    ['nameEndUncertain', 1, 'u'],
  ]),
  historicalCitizenship: record('027', 'P12170-027', [
    pnr,
    annkor,
    ['countryCode', 4, 'n'],
    ['start', 12, 't'],
    ['startUncertain', 1, 'u'],
    ['end', 12, 't'],
    ['endUncertain', 1, 'u'],
  ]),
  historicalCivilStatus: record('029', 'P12170-029', [
    pnr,
    annkor,
    ['civilStatus', 1, 'a'],
    ['spousePnr', 10, 'a'],
    ['spouseBirthDate', 10, 'd'],
    ['spouseBirthDateUncertain', 1, 'u'],
    ['spouseName', 34, 'a'],
    ['spouseNameMarker', 1, 'a'],
    ['start', 12, 't'],
    ['startUncertain', 1, 'u'],
    ['end', 12, 't'],
    ['endUncertain', 1, 'u'],
    ['separationReference', 12, 'a'],
  ]),
  end: record('999', 'P12170-999', [
    ['sortField', 10, 'a'],
    ['counter', 8, 'n'],
  ]),
} as const;

/** P05780 (road register) and P02680 (authorities): the code tables, each file opened by a short start record. */
export const codeRecords = {
  start: record('000', 'P05780-000 / P02680-000', [
    ['taskNumber', 6, 'n'],
    ['productionDate', 8, 'n'],
  ]),
  road: record('001', 'P05780-001', [
    ['municipalityCode', 4, 'n'],
    ['roadCode', 4, 'n'],
    ['timestamp', 12, 'n'],
    ['toMunicipalityCode', 4, 'n'],
    ['toRoadCode', 4, 'n'],
    ['fromMunicipalityCode', 4, 'n'],
    ['fromRoadCode', 4, 'n'],
    ['validFrom', 12, 't'],
    ['roadAddressingName', 20, 'a'],
    ['roadName', 40, 'a'],
  ]),
  postDistrict: record('004', 'P05780-004', [
    ['municipalityCode', 4, 'n'],
    ['roadCode', 4, 'n'],
    ['houseFrom', 4, 'a'],
    ['houseTo', 4, 'a'],
    ['evenOdd', 1, 'a'],
    ['timestamp', 12, 'n'],
    ['postcode', 4, 'n'],
    ['postDistrict', 20, 'a'],
  ]),
  authority: record('001', 'P02680-001', [
    ['authorityCode', 4, 'n'],
    ['authorityType', 2, 'n'],
    ['authorityGroup', 1, 'a'],
    ['timestamp', 12, 'n'],
    ['phone', 8, 'a'],
    ['validFrom', 12, 't'],
    ['validTo', 12, 't'],
    ['name', 20, 'a'],
    ['addressee', 34, 'a'],
    ...lines('address', 4),
    ['telefax', 8, 'a'],
    ['fullName', 60, 'a'],
    ['email', 100, 'a'],
    ['alpha2', 2, 'a'],
    ['alpha3', 3, 'a'],
    ['numericCountry', 3, 'a'],
  ]),
} as const;

/** Authority types in P02680 that the console reads. */
export const authorityTypes = { municipality: '05', parish: '25', country: '30' } as const;

export type PersonRecordName = keyof typeof personRecords;
export const personRecordByType: ReadonlyMap<string, RecordDef> = new Map(Object.values(personRecords).map((r) => [r.type, r]));
