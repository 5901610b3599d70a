// Streams CPR extract files into the register tables: code files (roads, post districts, authorities)
// into register_codes first, once each, then person files read with the codes held there, each person's records replacing everything held for them (record 001).
// Persons are written in batches, each batch in one transaction together with the file's progress in
// register_meta (`import:<file key>`), so a crash loses at most the batch in flight and the same command
// resumes where it stopped; a finished file is not read again. Problems with a record are reported (line,
// record type, field, never a value) and the import goes on; a file whose layout is not the one expected
// is refused before anything is written.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { count, eq, inArray, sql } from 'drizzle-orm';
import {
  registerAddresses,
  registerCivilStatus,
  registerMeta,
  registerNameHistory,
  registerPersons,
  registerRelations,
  type RegisterCodeRow,
} from '../../../db/schema/register';
import type { Database, Tx } from '../../../db/types';
import { loadCodeTables, replaceCodeRows } from './code-store';
import { insertJsonRows } from './json-rows';
import { FieldError, parseRecord } from './codec';
import { codeRecords, personRecordByType, personRecords } from './layout';
import { firstLines, readLines } from './lines';
import { personRows, type ParsedRecord, type PersonRows, type RecordProblem } from './person-block';

export type ExtractFileKind = 'persons' | 'roads' | 'authorities';

export class ExtractLayoutError extends Error {
  override name = 'ExtractLayoutError';
}
export class RegisterSourceError extends Error {
  override name = 'RegisterSourceError';
}

export type ImportEvent =
  | { kind: 'file-start'; file: string; fileKind: ExtractFileKind; resumeAt: number; bytes: number }
  | { kind: 'file-skipped'; file: string; reason: 'already-imported' }
  | { kind: 'progress'; file: string; persons: number; offset: number; bytes: number }
  | { kind: 'record-error'; file: string; line: number; recordType: string; reason: string }
  | { kind: 'file-done'; file: string; persons: number; records: number; errors: number };

export interface ImportOptions {
  now: Date;
  /** Persons per transaction. */
  batchSize?: number;
  report?: (event: ImportEvent) => void;
  /** Called after each committed batch (tests stop an import here to play a crash). */
  afterBatch?: (file: string, offset: number) => void | Promise<void>;
}

export interface ImportSummary {
  persons: number;
  records: number;
  errors: number;
  files: { file: string; kind: ExtractFileKind; skipped: boolean }[];
}

interface Progress {
  file: string;
  kind: ExtractFileKind;
  bytes: number;
  offset: number;
  lines: number;
  persons: number;
  records: number;
  errors: number;
  taskNumber: string;
  productionDate: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What kind of extract file this is, from its start record and first records; refuses anything else. */
export async function recogniseFile(file: string): Promise<{ kind: ExtractFileKind; start: string; taskNumber: string; productionDate: string }> {
  const lines = await firstLines(file, 20);
  const start = lines[0] ?? '';
  const fail = (why: string) => {
    throw new ExtractLayoutError(`${path.basename(file)}: not a CPR extract file in the expected layout (${why}); nothing was imported from it.`);
  };
  if (!start.startsWith('000')) fail('the first record is not a start record 000');
  const codeStart = start.length === codeRecords.start.length;
  const personStart = start.length > codeRecords.start.length && start.length <= personRecords.start.length;
  if (!codeStart && !personStart) fail('the start record has the wrong length');
  let fields: Record<string, string> = {};
  try {
    fields = parseRecord(codeStart ? codeRecords.start : personRecords.start, start);
  } catch (error) {
    fail(error instanceof FieldError ? error.message : 'unreadable start record');
  }
  if (!/^\d{8}$/.test(fields.productionDate ?? '')) fail('no production date in the start record');
  const data = lines.slice(1).filter((l) => l.length > 0);
  let kind: ExtractFileKind = 'persons';
  if (codeStart) {
    const longest = Math.max(0, ...data.map((l) => l.length));
    kind = longest > codeRecords.road.length ? 'authorities' : 'roads';
    const allowed = kind === 'roads' ? ['001', '004', '999'] : ['001', '999'];
    if (data.some((l) => !allowed.includes(l.slice(0, 3)))) fail(`a record type that is not in the ${kind === 'roads' ? 'P05780' : 'P02680'} layout`);
  } else if (data[0] && !data[0].startsWith('001') && !data[0].startsWith('999')) {
    // A stray bad line further on is that record's error; a file that does not open with a person is not an extract.
    fail('the first person record is not a 001');
  }
  return { kind, start, taskNumber: fields.taskNumber ?? '', productionDate: fields.productionDate ?? '' };
}

async function fileKey(start: string, bytes: number): Promise<string> {
  return createHash('sha256').update(`${start}\n${bytes}`).digest('hex').slice(0, 24);
}

async function readProgress(db: Database | Tx, key: string): Promise<Progress | null> {
  const [row] = await db.select().from(registerMeta).where(eq(registerMeta.key, `import:${key}`));
  return row ? (JSON.parse(row.value) as Progress) : null;
}

async function writeProgress(tx: Tx, key: string, progress: Progress): Promise<void> {
  await tx
    .insert(registerMeta)
    .values({ key: `import:${key}`, value: JSON.stringify(progress) })
    .onConflictDoUpdate({ target: registerMeta.key, set: { value: JSON.stringify(progress) } });
}

/** A register may take an extract when it is empty or already holds imported CPR data, never the sandbox. */
async function claimRegister(tx: Tx, now: Date): Promise<void> {
  const [source] = await tx.select().from(registerMeta).where(eq(registerMeta.key, 'source'));
  if (source?.value === 'cpr-extract') return;
  const [persons] = await tx.select({ n: count() }).from(registerPersons);
  if (source || (persons?.n ?? 0) > 0) {
    throw new RegisterSourceError(
      `This register holds ${source ? `the ${source.value} register` : 'data of unknown origin'}: CPR extracts go into a register of their own (an empty database).`,
    );
  }
  await tx.insert(registerMeta).values([
    { key: 'source', value: 'cpr-extract' },
    { key: 'imported_since', value: now.toISOString() },
  ]);
}

async function replacePersons(tx: Tx, batch: readonly PersonRows[]): Promise<void> {
  const cprs = batch.map((p) => p.cpr);
  // Every person the importer holds has a person row, so only the batch's persons already held have
  // rows to replace: one look-up instead of five deletes per batch (none at all on a first import).
  const held = (await tx.select({ cpr: registerPersons.cpr }).from(registerPersons).where(sql`${registerPersons.cpr} = any(${sql.param(cprs)}::text[])`)).map((r) => r.cpr);
  if (held.length > 0) {
    for (const table of [registerPersons, registerNameHistory, registerAddresses, registerCivilStatus, registerRelations]) {
      await tx.delete(table).where(inArray(table.cpr, held));
    }
  }
  const rows = {
    persons: batch.map((p) => p.person),
    names: batch.flatMap((p) => p.names),
    addresses: batch.flatMap((p) => p.addresses),
    civil: batch.flatMap((p) => p.civilStatus),
    relations: batch.flatMap((p) => p.relations),
  };
  if (rows.persons.length) await insertJsonRows(tx, registerPersons, rows.persons);
  if (rows.names.length) await insertJsonRows(tx, registerNameHistory, rows.names);
  if (rows.addresses.length) await insertJsonRows(tx, registerAddresses, rows.addresses);
  if (rows.civil.length) await insertJsonRows(tx, registerCivilStatus, rows.civil);
  if (rows.relations.length) await insertJsonRows(tx, registerRelations, rows.relations);
}

/** A code file's rows for register_codes (read in full: code tables are small); bad records are reported and skipped. */
async function readCodeFile(file: string, kind: ExtractFileKind, source: string, report: (e: ImportEvent) => void): Promise<{ rows: RegisterCodeRow[]; records: number; errors: number }> {
  let records = 0;
  let errors = 0;
  const rows: RegisterCodeRow[] = [];
  const districtSeq = new Map<string, number>();
  const name = path.basename(file);
  for await (const line of readLines(file)) {
    if (line.number === 1 || line.text.length === 0) continue;
    const type = line.text.slice(0, 3);
    if (type === '999') continue;
    records++;
    try {
      if (kind === 'authorities') {
        const a = parseRecord(codeRecords.authority, line.text);
        rows.push({
          kind: 'authority',
          municipalityCode: '',
          code: (a.authorityCode ?? '').padStart(4, '0'),
          seq: 0,
          name: a.fullName || a.name || '',
          authorityType: a.authorityType ?? '',
          alpha2: a.alpha2 || null,
          validFrom: a.validFrom || null,
          validTo: a.validTo || null,
          source,
        });
      } else if (type === '001') {
        const r = parseRecord(codeRecords.road, line.text);
        rows.push({ kind: 'road', municipalityCode: r.municipalityCode ?? '', code: r.roadCode ?? '', seq: 0, name: r.roadName || r.roadAddressingName || '', source });
      } else if (type === '004') {
        const d = parseRecord(codeRecords.postDistrict, line.text);
        const road = `${d.municipalityCode ?? ''}:${d.roadCode ?? ''}`;
        const seq = (districtSeq.get(road) ?? 0) + 1;
        districtSeq.set(road, seq);
        rows.push({
          kind: 'post_district',
          municipalityCode: d.municipalityCode ?? '',
          code: d.roadCode ?? '',
          seq,
          name: d.postDistrict ?? '',
          postcode: d.postcode ?? '',
          houseFrom: Number.parseInt(d.houseFrom ?? '', 10) || 0,
          houseTo: Number.parseInt(d.houseTo ?? '', 10) || 9999,
          evenOdd: d.evenOdd ?? '',
          source,
        });
      }
    } catch (error) {
      errors++;
      report({ kind: 'record-error', file: name, line: line.number, recordType: type, reason: error instanceof FieldError ? error.message : 'unreadable record' });
    }
  }
  return { rows, records, errors };
}

/** Imports the files (any order: code tables are read first). Throws before writing if one is not a CPR extract file. */
export async function importCprExtract(
  database: { db: Database; transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> },
  files: readonly string[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const report = options.report ?? (() => {});
  const batchSize = options.batchSize ?? 2000;
  const today = options.now.toISOString().slice(0, 10);
  const recognised = [];
  for (const file of files) recognised.push({ file, ...(await recogniseFile(file)), bytes: (await stat(file)).size });
  await database.transaction((tx) => claimRegister(tx, options.now));

  const summary: ImportSummary = { persons: 0, records: 0, errors: 0, files: [] };
  // Code files go into register_codes once (a file already imported is skipped); persons are then read
  // with the codes held in the database, so later person files need no code files beside them.
  for (const f of recognised.filter((r) => r.kind !== 'persons')) {
    const name = path.basename(f.file);
    const key = await fileKey(f.start, f.bytes);
    if ((await readProgress(database.db, key))?.finishedAt) {
      report({ kind: 'file-skipped', file: name, reason: 'already-imported' });
      summary.files.push({ file: name, kind: f.kind, skipped: true });
      continue;
    }
    const result = await readCodeFile(f.file, f.kind, `import:${key}`, report);
    summary.records += result.records;
    summary.errors += result.errors;
    summary.files.push({ file: name, kind: f.kind, skipped: false });
    await database.transaction(async (tx) => {
      await replaceCodeRows(tx, f.kind === 'roads' ? ['road', 'post_district'] : ['authority'], result.rows);
      const at = options.now.toISOString();
      await writeProgress(tx, key, {
        file: name,
        kind: f.kind,
        bytes: f.bytes,
        offset: f.bytes,
        lines: result.records + 1,
        persons: 0,
        records: result.records,
        errors: result.errors,
        taskNumber: f.taskNumber,
        productionDate: f.productionDate,
        startedAt: at,
        updatedAt: at,
        finishedAt: at,
      });
    });
  }
  const codes = await loadCodeTables(database.db);

  for (const f of recognised.filter((r) => r.kind === 'persons')) {
    const name = path.basename(f.file);
    const key = await fileKey(f.start, f.bytes);
    const saved = await readProgress(database.db, key);
    if (saved?.finishedAt) {
      report({ kind: 'file-skipped', file: name, reason: 'already-imported' });
      summary.files.push({ file: name, kind: 'persons', skipped: true });
      continue;
    }
    const at = options.now.toISOString();
    const progress: Progress = saved ?? {
      file: name,
      kind: 'persons',
      bytes: f.bytes,
      offset: 0,
      lines: 0,
      persons: 0,
      records: 0,
      errors: 0,
      taskNumber: f.taskNumber,
      productionDate: f.productionDate,
      startedAt: at,
      updatedAt: at,
      finishedAt: null,
    };
    report({ kind: 'file-start', file: name, fileKind: 'persons', resumeAt: progress.offset, bytes: f.bytes });

    let block: ParsedRecord[] = [];
    // Where the line being read starts: a batch committed before a 001 line resumes exactly there.
    let at0 = { offset: progress.offset, lines: progress.lines };
    let batch = new Map<string, PersonRows>();
    let batchRecords = 0;
    let pendingErrors: RecordProblem[] = [];
    const emit = (problems: readonly RecordProblem[]) => {
      for (const p of problems) report({ kind: 'record-error', file: name, line: p.line, recordType: p.recordType, reason: p.reason });
    };
    const closeBlock = () => {
      if (block.length === 0) return;
      const problems: RecordProblem[] = [];
      const rows = personRows(block, codes, today, problems);
      if (rows) batch.set(rows.cpr, rows);
      pendingErrors.push(...problems);
      block = [];
    };
    // One batch is written while the next is read: the database and the parser work at the same time.
    // Batches still commit in order, one at a time; a failed one stops the import at the next commit.
    let inFlight: Promise<void> = Promise.resolve();
    const writeBatch = async (persons: PersonRows[], records: number, errors: RecordProblem[], upTo: { offset: number; lines: number }, finished: boolean) => {
      await database.transaction(async (tx) => {
        // A crash may lose the last batches' commits, but never a batch without its progress (one
        // transaction): the import resumes from what was kept, and stops waiting on each flush to disk.
        await tx.execute(sql`set local synchronous_commit = off`);
        if (persons.length) await replacePersons(tx, persons);
        progress.offset = upTo.offset;
        progress.lines = upTo.lines;
        progress.persons += persons.length;
        progress.records += records;
        progress.errors += errors.length;
        progress.updatedAt = new Date().toISOString();
        if (finished) progress.finishedAt = progress.updatedAt;
        await writeProgress(tx, key, progress);
      });
      emit(errors);
      report({ kind: 'progress', file: name, persons: progress.persons, offset: progress.offset, bytes: f.bytes });
      await options.afterBatch?.(name, progress.offset);
    };
    const commit = async (upTo: { offset: number; lines: number }, finished = false) => {
      await inFlight;
      inFlight = writeBatch([...batch.values()], batchRecords, pendingErrors, upTo, finished);
      // Awaited at the next commit; until then a failure must not count as unhandled.
      inFlight.catch(() => {});
      batch = new Map();
      batchRecords = 0;
      pendingErrors = [];
    };

    for await (const line of readLines(f.file, progress.offset, progress.lines)) {
      const type = line.text.slice(0, 3);
      if (line.number > 1 && line.text.length > 0) {
        if (type === '001') {
          closeBlock();
          // A batch ends only between persons, so a resumed import starts on a 001.
          if (batch.size >= batchSize) await commit(at0);
        }
        batchRecords++;
        const def = personRecordByType.get(type);
        if (type === '999') {
          closeBlock();
          if (Number(line.text.slice(13, 21)) !== line.number - 2) {
            pendingErrors.push({ line: line.number, recordType: '999', reason: 'the end record counts a different number of records' });
          }
        } else if (!def) {
          // A record type the console has no use for (006, 016–021, 030, …) is skipped unread.
          if (!/^\d{3}$/.test(type)) pendingErrors.push({ line: line.number, recordType: '???', reason: 'no record type' });
        } else {
          try {
            const fields = parseRecord(def, line.text);
            if (type !== '001' && block.length === 0) {
              pendingErrors.push({ line: line.number, recordType: type, reason: 'record without its 001 person record; skipped' });
            } else if (type !== '001' && fields.pnr !== block[0]?.fields.pnr) {
              pendingErrors.push({ line: line.number, recordType: type, reason: 'pnr differs from its 001 person record; skipped' });
            } else {
              block.push({ type, line: line.number, fields });
            }
          } catch (error) {
            pendingErrors.push({ line: line.number, recordType: type, reason: error instanceof FieldError ? error.message : 'unreadable record' });
          }
        }
      }
      at0 = { offset: line.next, lines: line.number };
    }
    closeBlock();
    await commit(at0, true);
    await inFlight;
    report({ kind: 'file-done', file: name, persons: progress.persons, records: progress.records, errors: progress.errors });
    summary.persons += progress.persons;
    summary.records += progress.records;
    summary.errors += progress.errors;
    summary.files.push({ file: name, kind: 'persons', skipped: false });
  }
  return summary;
}
