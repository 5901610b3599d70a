// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints its figures.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal from the issue, when there is one, e.g. "≥ 100000". */
  goal?: string;
  note?: string;
}

export type BenchModule = { default: () => Promise<BenchFigure[]> };

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.log('no benchmarks yet');
} else {
  for (const file of files) {
    console.log(`\n## ${file}`);
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
    for (const f of await mod.default()) {
      const value = Number.isInteger(f.value) ? f.value.toLocaleString('en') : f.value.toFixed(2);
      console.log(`- ${f.name}: ${value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}${f.note ? ` — ${f.note}` : ''}`);
    }
  }
}
