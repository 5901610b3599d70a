// How an import's events read on the console. Counts, file names, line numbers, record types and field
// names only: an extract is personal data, so no value from it (CPR number, name, address) is printed.
import type { ImportEvent } from './importer';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function formatImportEvent(e: ImportEvent): string {
  switch (e.kind) {
    case 'file-start':
      return e.resumeAt > 0 ? `${e.file}: resuming at ${mb(e.resumeAt)} of ${mb(e.bytes)}` : `${e.file}: importing (${mb(e.bytes)})`;
    case 'file-skipped':
      return `${e.file}: already imported, skipped`;
    case 'progress':
      return `${e.file}: ${e.persons.toLocaleString('en')} persons, ${e.bytes > 0 ? Math.floor((e.offset / e.bytes) * 100) : 100}%`;
    case 'record-error':
      return `${e.file} line ${e.line} (record ${e.recordType}): ${e.reason}`;
    case 'file-done':
      return `${e.file}: done, ${e.persons.toLocaleString('en')} persons, ${e.records.toLocaleString('en')} records, ${e.errors} with errors`;
  }
}
