import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../../server/services/audit/canonical-json';
import { eventBytes } from '../../../../../server/services/audit/chain';

const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ noUnicodeString: false }) as fc.Arbitrary<unknown>) as fc.Arbitrary<Record<string, unknown>>;

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 1.5 } })).toBe('{"a":{"c":1.5,"d":[true,null,"x"]},"b":1}');
  });

  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(jsonObject, (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        const text = canonicalJson(value);
        expect(canonicalJson(reversed)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });

  it('eventBytes, written out for speed, equals the canonical JSON of the event', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
          actor: fc.string(),
          action: fc.string(),
          subjectHmac: fc.option(fc.string()),
          verificationId: fc.option(fc.string()),
          payload: jsonObject,
        }),
        (e) => {
          expect(eventBytes(e)).toBe(canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() }));
          expect(eventBytes({ ...e, occurredAt: e.occurredAt.toISOString() })).toBe(eventBytes(e));
        },
      ),
    );
  });
});
