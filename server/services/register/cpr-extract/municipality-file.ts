// The municipality table file: CPR's authority table (P02680, type 05) lists municipality codes and
// names with validity, but not which 2007 municipality an old one became part of, nor the postcodes it
// covered, so this table comes in a documented format of our own (README "Connecting the CPR
// register"), ISO-8859-1 like the extract files, fields separated by ';':
//   000;KOMMUNER;yyyyMMdd                              start: the table's production date
//   001;code;successor code;name;valid from;valid to   one name period (dates yyyy-mm-dd, empty = open)
//   002;code;other name                                another name people use for it
//   003;code;postcode;successor code                   a postcode it covered, and the 2007 municipality
//                                                      that part went to (needed only when addresses
//                                                      keep their 2007 code in their history)
//   999;number of records                              end (optional)
// Codes are 4 digits; successor codes are the 2007- (Greenland 2009-) codes; a new municipality is its
// own successor. A file is the whole table: importing one replaces every municipality row.
import { isSafeText } from '../../../../shared/api/safe-text';
import type { RegisterCodeRow } from '../../../db/schema/register';

export const municipalityFileMarker = '000;KOMMUNER;';

const code4 = /^\d{4}$/;
const isoDate = /^(\d{4}-\d{2}-\d{2})?$/;

export class MunicipalityLineError extends Error {}

/** The production date of a municipality file's start line, or undefined when the line is not one. */
export function municipalityFileDate(start: string): string | undefined {
  if (!start.startsWith(municipalityFileMarker)) return undefined;
  const date = start.slice(municipalityFileMarker.length).trim();
  return /^\d{8}$/.test(date) ? date : undefined;
}

/**
 * One data line as a register_codes row; `seq` numbers the rows of one code. Throws
 * MunicipalityLineError (naming the field, never its value) for a line that does not fit.
 */
export function parseMunicipalityLine(text: string, seq: (code: string) => number, source: string): RegisterCodeRow {
  const [type = '', code = '', ...rest] = text.split(';');
  // The messages name the record type and field, never a value from the file.
  if (type !== '001' && type !== '002' && type !== '003') throw new MunicipalityLineError('a record type that is not in the municipality table layout');
  const fail = (field: string) => {
    throw new MunicipalityLineError(`record ${type}: field ${field} is not valid`);
  };
  if (!code4.test(code)) fail('code');
  // NUL (refused by PostgreSQL in text) is named by its field like any other bad value.
  const fieldNames = type === '001' ? ['successor code', 'name', 'valid from', 'valid to'] : type === '002' ? ['other name'] : ['postcode', 'successor code'];
  rest.forEach((value, i) => {
    if (!isSafeText(value)) fail(fieldNames[i] ?? `${i + 3}`);
  });
  const base = { kind: 'municipality' as const, code, source };
  if (type === '001') {
    const [successor = '', name = '', validFrom = '', validTo = ''] = rest;
    if (!code4.test(successor)) fail('successor code');
    if (!name.trim()) fail('name');
    if (!isoDate.test(validFrom)) fail('valid from');
    if (!isoDate.test(validTo)) fail('valid to');
    return { ...base, municipalityCode: successor, seq: seq(code), name: name.trim(), authorityType: 'name', validFrom: validFrom || null, validTo: validTo || null };
  }
  if (type === '002') {
    const [name = ''] = rest;
    if (!name.trim()) fail('other name');
    return { ...base, municipalityCode: '', seq: seq(code), name: name.trim(), authorityType: 'alias' };
  }
  const [postcode = '', successor = ''] = rest;
  if (!code4.test(postcode)) fail('postcode');
  if (!code4.test(successor)) fail('successor code');
  return { ...base, municipalityCode: successor, seq: seq(code), name: '', authorityType: 'postcode', postcode };
}

/** The lines of a municipality file for register_codes rows of kind 'municipality' (the writer's side). */
export function municipalityLines(rows: readonly RegisterCodeRow[], productionDate: string): string[] {
  const lines = [`${municipalityFileMarker}${productionDate}`];
  for (const r of rows) {
    if (r.kind !== 'municipality') continue;
    if (r.authorityType === 'alias') lines.push(`002;${r.code};${r.name}`);
    else if (r.authorityType === 'postcode') lines.push(`003;${r.code};${r.postcode ?? ''};${r.municipalityCode}`);
    else lines.push(`001;${r.code};${r.municipalityCode};${r.name};${r.validFrom ?? ''};${r.validTo ?? ''}`);
  }
  lines.push(`999;${lines.length - 1}`);
  return lines;
}
