// The watch screen's range rule: both ends whole, the end after the start (messages are catalogue keys).
import { describe, expect, it } from 'vitest';
import { dateRangeSchema } from '../../../../renderer/src/components/date-range';

const problems = (from: string, to: string) => {
  const parsed = dateRangeSchema.safeParse({ from, to });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('date range', () => {
  it('accepts a range whose end is after its start', () => {
    expect(problems('2026-12-01T08:00', '2026-12-01T09:00')).toEqual({});
  });
  it('refuses an end at or before the start', () => {
    expect(problems('2026-12-01T08:00', '2026-12-01T08:00')).toEqual({ to: 'rangeInvalid' });
    expect(problems('2026-12-02T08:00', '2026-12-01T08:00')).toEqual({ to: 'rangeInvalid' });
  });
  it('refuses an incomplete date on either end, without comparing', () => {
    expect(problems('', '2026-12-01T08:00')).toEqual({ from: 'dateInvalid' });
    expect(problems('2026-12-01T08:00', '2026-12-0')).toEqual({ to: 'dateInvalid' });
  });
});
