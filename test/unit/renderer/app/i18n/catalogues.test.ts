import { describe, expect, it } from 'vitest';
import { da } from '../../../../../renderer/src/app/i18n/da';
import { en } from '../../../../../renderer/src/app/i18n/en';

/** Every leaf as [dotted.key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, node]];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the da and en catalogues', () => {
  const daLeaves = new Map(leaves(da));
  const enLeaves = new Map(leaves(en));

  it('have exactly the same keys, recursively', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...daLeaves.keys()].sort());
    expect(daLeaves.size).toBeGreaterThan(20);
  });

  it('have only non-empty strings as values', () => {
    for (const [key, value] of [...daLeaves, ...enLeaves]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of daLeaves) {
      expect(placeholders(enLeaves.get(key) as string), key).toEqual(placeholders(value as string));
    }
  });

});
