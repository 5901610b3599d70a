import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, isSafeText } from '../../../../shared/api/safe-text';

describe('safe text', () => {
  it('refuses NUL and lone surrogates, keeps everything else', () => {
    expect(isSafeText('Nørregade 12, 1. tv')).toBe(true);
    expect(isSafeText('emoji 😀 ok')).toBe(true);
    expect(isSafeText('a\u0000b')).toBe(false);
    expect(isSafeText('a\uD800b')).toBe(false);
    expect(isSafeText('a\uDC00')).toBe(false);
    expect(isSafeText('\uD83D')).toBe(false);
    expect(isSafeText('\uDE00\uD83D')).toBe(false);
  });

  it('agrees with the platform on well-formedness for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const wellFormed = (s as unknown as { isWellFormed(): boolean }).isWellFormed();
        expect(isSafeText(s)).toBe(wellFormed && !s.includes('\u0000'));
      }),
    );
  });

  it('names the path of the first bad string, keys included, never the value', () => {
    expect(findUnsafeText({ a: 'x', b: [{ c: 'ok' }, { d: 'no\u0000' }] })).toEqual(['b', 1, 'd']);
    expect(findUnsafeText({ ['k\u0000']: 1 })).toEqual(['(field name)']);
    expect(findUnsafeText({ a: 1, b: null, c: true, d: ['ok'] })).toBeNull();
  });
});
