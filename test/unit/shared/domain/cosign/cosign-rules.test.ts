import { describe, expect, it } from 'vitest';
import { cosignReasonsFor, isOutsideOpeningHours, localTimeOfDay, type CosignFacts } from '../../../../../shared/domain/cosign/index';
import { defaultPolicy } from '../../../../../shared/domain/policy/index';

const clean: CosignFacts = {
  redFlags: [],
  velocity: [],
  nameAddressProtection: false,
  scoreWeight: 1,
  totalWeight: 1,
  passThreshold: 0.75,
  outsideOpeningHours: false,
};

describe('cosignReasonsFor', () => {
  const policy = defaultPolicy.cosign;

  it('documents its defaults: 5 minutes, a 10-point borderline margin, outside hours off', () => {
    expect(policy).toEqual({ onVelocitySignal: true, onNameAddressProtection: true, borderlineMarginPercent: 10, outsideOpeningHours: false, timeoutMinutes: 5 });
  });

  it('no reason for a clear pass', () => {
    expect(cosignReasonsFor(clean, policy)).toEqual([]);
  });

  it('lists every reason in queue order', () => {
    const all: CosignFacts = {
      redFlags: ['answers_read_aloud'],
      velocity: ['document_multi_person', 'person_multi_agent'],
      nameAddressProtection: true,
      scoreWeight: 0.8,
      totalWeight: 1,
      passThreshold: 0.75,
      outsideOpeningHours: true,
    };
    expect(cosignReasonsFor(all, { ...policy, outsideOpeningHours: true })).toEqual([
      'red_flag',
      'velocity_person',
      'velocity_document',
      'name_address_protection',
      'borderline_score',
      'outside_opening_hours',
    ]);
  });

  it('the red flag cannot be switched off; the others follow the policy', () => {
    const off = { onVelocitySignal: false, onNameAddressProtection: false, borderlineMarginPercent: 0, outsideOpeningHours: false, timeoutMinutes: 5 };
    const facts: CosignFacts = { ...clean, redFlags: ['caller_under_pressure'], velocity: ['person_multi_agent'], nameAddressProtection: true, scoreWeight: 0.75, outsideOpeningHours: true };
    expect(cosignReasonsFor(facts, off)).toEqual(['red_flag']);
  });

  it('borderline: below threshold + margin counts, exactly at it does not (floating sums included)', () => {
    expect(cosignReasonsFor({ ...clean, scoreWeight: 0.849, totalWeight: 1 }, policy)).toEqual(['borderline_score']);
    expect(cosignReasonsFor({ ...clean, scoreWeight: 0.1 + 0.75, totalWeight: 1 }, policy)).toEqual([]);
    expect(cosignReasonsFor({ ...clean, scoreWeight: 0, totalWeight: 0 }, policy)).toEqual([]);
  });
});

describe('opening hours', () => {
  const hours = { openingHoursStart: '08:00', openingHoursEnd: '20:00', timeZone: 'Europe/Copenhagen' };
  it('reads local time in the centre\'s zone, summer and winter', () => {
    expect(localTimeOfDay(new Date('2026-07-01T06:30:00Z'), 'Europe/Copenhagen')).toBe('08:30');
    expect(localTimeOfDay(new Date('2026-12-01T06:30:00Z'), 'Europe/Copenhagen')).toBe('07:30');
    // One formatter is kept per zone: another zone in between does not leak into the first.
    expect(localTimeOfDay(new Date('2026-12-01T06:30:00Z'), 'America/Nuuk')).toBe('04:30');
    expect(localTimeOfDay(new Date('2026-12-01T06:30:00Z'), 'Europe/Copenhagen')).toBe('07:30');
    expect(() => localTimeOfDay(new Date(), 'Not/AZone')).toThrow(RangeError);
  });
  it('start is inside, end is outside', () => {
    expect(isOutsideOpeningHours(new Date('2026-12-01T07:00:00Z'), hours)).toBe(false);
    expect(isOutsideOpeningHours(new Date('2026-12-01T06:59:00Z'), hours)).toBe(true);
    expect(isOutsideOpeningHours(new Date('2026-12-01T19:00:00Z'), hours)).toBe(true);
    expect(isOutsideOpeningHours(new Date('2026-12-01T18:59:00Z'), hours)).toBe(false);
  });
});
