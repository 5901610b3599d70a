// Reading and writing one fixed-width line of a record layout (layout.ts). Values are plain strings:
// text trimmed, dates as yyyy-mm-dd (or '' when the register has none), digits as given.
import { isSafeText, unsafeTextMessage } from '../../../../shared/api/safe-text';
import type { FieldDef, RecordDef } from './layout';

/** A field whose content does not fit its kind; carries the field name only, never the value. */
export class FieldError extends Error {
  override name = 'FieldError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const emptyTime = /^(0{12}| {12})$/;
const emptyDate = /^(0000-00-00| {10}|0{10})$/;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function readField(f: FieldDef, raw: string): string {
  // The edge's rule (shared/api/safe-text.ts) holds for the register too: PostgreSQL refuses NUL in
  // text and jsonb, so one such byte would fail the whole batch instead of this one record.
  if (!isSafeText(raw)) throw new FieldError(f.name, unsafeTextMessage);
  switch (f.kind) {
    case 'a':
      return raw.trimEnd().trimStart();
    case 'u':
      return raw.trim();
    case 'n': {
      const v = raw.trim();
      if (v !== '' && !/^\d+$/.test(v)) throw new FieldError(f.name, 'not digits');
      return v;
    }
    case 't': {
      if (emptyTime.test(raw)) return '';
      const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
      if (!m || !validDate(m[1] as string, m[2] as string, m[3] as string)) throw new FieldError(f.name, 'not a date (yyyyMMddHHmm)');
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
    case 'd': {
      if (emptyDate.test(raw)) return '';
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
      if (!m || !validDate(m[1] as string, m[2] as string, m[3] as string)) throw new FieldError(f.name, 'not a date (yyyy-MM-dd)');
      return raw;
    }
  }
}

/** The fields of one line. A short line (trailing spaces stripped in transit) reads as padded. */
export function parseRecord(def: RecordDef, line: string): Record<string, string> {
  if (line.length > def.length) throw new FieldError('recordType', `line longer than the ${def.cprName} layout (${def.length})`);
  const padded = line.padEnd(def.length, ' ');
  const out: Record<string, string> = {};
  for (const f of def.fields) out[f.name] = readField(f, padded.slice(f.position - 1, f.position - 1 + f.length));
  return out;
}

// Letters that do not decompose into a Latin-1 base letter and an accent.
const nonDecomposing: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', œ: 'oe', Œ: 'OE' };

/**
 * Text as the CPR files can carry it (ISO-8859-1): letters outside it lose their accent (ś → s,
 * ł → l), as names are written in the register itself; Latin-1 letters (æ ø å é ü …) stay.
 */
export function toLatin1(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u00ff]/.test(text)) return text;
  return [...text]
    .map((c) => (c.charCodeAt(0) <= 0xff ? c : (nonDecomposing[c] ?? c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))))
    .join('')
    .normalize('NFC');
}

function writeField(f: FieldDef, value: string | undefined): string {
  const v = f.kind === 'a' ? toLatin1(value ?? '') : (value ?? '');
  switch (f.kind) {
    case 'a':
    case 'u':
      if (v.length > f.length) throw new FieldError(f.name, `longer than ${f.length}`);
      return v.padEnd(f.length, ' ');
    case 'n':
      if (!/^\d*$/.test(v) || v.length > f.length) throw new FieldError(f.name, 'not digits of the field length');
      return v === '' ? ' '.repeat(f.length) : v.padStart(f.length, '0');
    case 't':
      return v === '' ? '0'.repeat(12) : `${v.replaceAll('-', '')}0000`;
    case 'd':
      return v === '' ? ' '.repeat(10) : v;
  }
}

/** One line of the layout; the record type is filled in. Every character must be in ISO-8859-1. */
export function formatRecord(def: RecordDef, values: Readonly<Record<string, string | undefined>>): string {
  let line = '';
  for (const f of def.fields) line += f.name === 'recordType' ? def.type : writeField(f, values[f.name]);
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u00ff]/.test(line)) throw new FieldError('line', 'a character outside ISO-8859-1');
  return line;
}
