// Lines of an ISO-8859-1 file from a byte offset, each with the offset just past it, so an import can
// record exactly where it got to and start there again. One character is one byte in ISO-8859-1.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface Line {
  text: string;
  /** 1-based line number counted from `from` (the first line read is 1 + linesBefore). */
  number: number;
  /** Byte offset just past this line's end of line. */
  next: number;
}

export async function* readLines(file: string, from = 0, linesBefore = 0): AsyncGenerator<Line> {
  let offset = from;
  let number = linesBefore;
  let rest = '';
  for await (const chunk of createReadStream(file, { start: from, encoding: 'latin1', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const raw = text.slice(start, nl);
      offset += nl - start + 1;
      start = nl + 1;
      yield { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, number: ++number, next: offset };
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, number: number + 1, next: offset + rest.length };
}

/** The first `n` lines (at most 64 KiB read), to recognise a file before importing it. */
export async function firstLines(file: string, n: number): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.toString('latin1', 0, bytesRead).split('\n').slice(0, n).map((l) => l.replace(/\r$/, ''));
  } finally {
    await handle.close();
  }
}
