import { describe, expect, it } from 'vitest';
import type { VerificationLogRow } from '../../../../../shared/api/index';
import { csvWriter, localTimeWithOffset } from '../../../../../server/services/review/csv';

const row: VerificationLogRow = {
  id: 'v1',
  startedAt: '2026-07-01T10:00:00.000Z',
  endedAt: '2026-12-01T10:04:00.000Z',
  agent: { id: 'a1', username: 'kim', displayName: 'Kim; Hansen' },
  maskedCpr: '120368-XXXX',
  documentType: 'passport',
  questionsAsked: 4,
  scorePercent: 79.2,
  status: 'passed',
  outcome: 'passed',
  codeStatus: 'sent',
  durationSeconds: 240,
  flagged: false,
  velocitySignals: 0,
  callId: 'TEL-2026-0042',
  callerNumber: null,
  cosignStatus: 'approved',
  redFlags: ['caller_under_pressure', 'someone_prompting'],
};

describe('CSV export format', () => {
  it('gives the instant in the time zone with the offset that applied then', () => {
    const cph = localTimeWithOffset('Europe/Copenhagen');
    expect(cph(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00:00+02:00');
    expect(cph(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02T00:30:00+01:00');
    expect(localTimeWithOffset('UTC')(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01T23:30:00+00:00');
  });

  it('writes the Danish style with semicolons and decimal commas, quoting a cell that holds a semicolon', () => {
    const w = csvWriter({ style: 'danish', timeZone: 'Europe/Copenhagen' });
    expect(w.header.startsWith('id;started_at;ended_at;')).toBe(true);
    expect(w.line(row)).toBe('v1;2026-07-01T12:00:00+02:00;2026-12-01T11:04:00+01:00;kim;"Kim; Hansen";120368-XXXX;passport;4;79,2;passed;passed;sent;240;false;0;TEL-2026-0042;;approved;caller_under_pressure|someone_prompting\r\n');
    expect(w.fileName(new Date('2026-12-01T23:30:00Z'))).toBe('verifications-2026-12-02-00-30.csv');
  });

  it('writes the international style with commas and decimal points', () => {
    const w = csvWriter({ style: 'international', timeZone: 'UTC' });
    expect(w.header.trimEnd().split(',').slice(-2)).toEqual(['cosign_status', 'red_flags']);
    expect(w.line({ ...row, cosignStatus: null, redFlags: [] }).endsWith(',TEL-2026-0042,,,\r\n')).toBe(true);
    expect(w.line(row)).toBe('v1,2026-07-01T10:00:00+00:00,2026-12-01T10:04:00+00:00,kim,Kim; Hansen,120368-XXXX,passport,4,79.2,passed,passed,sent,240,false,0,TEL-2026-0042,,approved,caller_under_pressure|someone_prompting\r\n');
  });
});
