// "Today" in Copenhagen, whatever the server's time zone.
import { describe, expect, it } from 'vitest';
import { copenhagenDate, startOfCopenhagenDay } from '../../../../../server/services/verification/copenhagen-day';

describe('Copenhagen day', () => {
  it('turns the date at local midnight, in winter and in summer', () => {
    expect(copenhagenDate(new Date('2026-11-25T22:59:59Z'))).toBe('2026-11-25');
    expect(copenhagenDate(new Date('2026-11-25T23:00:00Z'))).toBe('2026-11-26');
    expect(copenhagenDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(copenhagenDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('finds the instant the day began, also on the days the clocks change', () => {
    expect(startOfCopenhagenDay(new Date('2026-11-25T09:00:00Z')).toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(startOfCopenhagenDay(new Date('2026-07-01T09:00:00Z')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // 29 March 2026: clocks go forward at 02:00; the day began at 00:00 CET.
    expect(startOfCopenhagenDay(new Date('2026-03-29T20:00:00Z')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // 25 October 2026: clocks go back at 03:00; the day began at 00:00 CEST.
    expect(startOfCopenhagenDay(new Date('2026-10-25T20:00:00Z')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});
