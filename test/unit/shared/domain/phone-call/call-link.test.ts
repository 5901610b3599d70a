import { describe, expect, it } from 'vitest';
import { callLink, classifyCallerNumber, maxCallLinkLength, parseCallLink, parseCallerNumber } from '../../../../../shared/domain/phone-call/index';

describe('parseCallLink', () => {
  it('reads the call ID and the number, with or without a slash after the host, + encoded or not', () => {
    for (const link of [
      'mitid-support-console://call?callId=1701432045.123&from=+4531415926',
      'mitid-support-console://call/?callId=1701432045.123&from=%2B4531415926',
      'MITID-SUPPORT-CONSOLE://call?from=%2B45%2031%2041%2059%2026&callId=1701432045.123',
    ]) {
      const parsed = parseCallLink(link);
      expect(parsed.ok, link).toBe(true);
      if (parsed.ok) expect(parsed.call.callId).toBe('1701432045.123');
      if (parsed.ok) expect(parseCallerNumber(parsed.call.from)).toEqual({ kind: 'domestic', e164: '+4531415926' });
    }
  });

  it('takes a link without a number as withheld', () => {
    expect(parseCallLink('mitid-support-console://call?callId=abc')).toEqual({ ok: true, call: { callId: 'abc', from: null } });
    expect(parseCallLink('mitid-support-console://call?callId=abc&from=')).toEqual({ ok: true, call: { callId: 'abc', from: '' } });
  });

  it('round-trips the links it writes', () => {
    const call = { callId: 'a84b4c76e66710@pc33.example.com', from: '+46 70 123 45 67' };
    expect(parseCallLink(callLink(call))).toEqual({ ok: true, call });
  });

  it('refuses anything else, and names the problem without any value from the link', () => {
    const secret = '4531415926';
    const refused = [
      42,
      null,
      `https://call?callId=x&from=${secret}`,
      `mitid-support-console://other?callId=x&from=${secret}`,
      `mitid-support-console://call/extra?callId=x&from=${secret}`,
      `mitid-support-console://call?callId=x&from=${secret}#frag`,
      `mitid-support-console://call?from=${secret}`,
      `mitid-support-console://call?callId=&from=${secret}`,
      `mitid-support-console://call?callId=x&callId=y&from=${secret}`,
      `mitid-support-console://call?callId=x&from=${secret}&from=${secret}`,
      `mitid-support-console://call?callId=x&cpr=0101901234&from=${secret}`,
      `mitid-support-console://call?callId=x%20y&from=${secret}`,
      `mitid-support-console://call?callId=%E0%A4%A&from=${secret}`,
      `mitid-support-console://call?callId=${'x'.repeat(129)}&from=${secret}`,
      `mitid-support-console://call?callId=x&from=${secret}abc`,
      `mitid-support-console://call?callId=x&from=${'1'.repeat(33)}`,
      `mitid-support-console://call?callId=x&from=${secret}&pad=${'y'.repeat(maxCallLinkLength)}`,
    ];
    for (const link of refused) {
      const parsed = parseCallLink(link);
      expect(parsed.ok, String(link)).toBe(false);
      if (!parsed.ok) expect(parsed.problem).not.toContain(secret.slice(-6));
    }
  });
});

describe('classifyCallerNumber', () => {
  it('classifies without keeping the number', () => {
    expect(classifyCallerNumber(null, null)).toBe('withheld');
    expect(classifyCallerNumber('Anonymous', '+4520000000')).toBe('withheld');
    expect(classifyCallerNumber('123', null)).toBe('withheld');
    expect(classifyCallerNumber('31415926', null)).toBe('domestic');
    expect(classifyCallerNumber('+299 55 12 34', null)).toBe('domestic');
    expect(classifyCallerNumber('+4520000000', '+45 20 00 00 00')).toBe('registered_mobile');
    expect(classifyCallerNumber('0044 20 7946 0000', '+4520000000')).toBe('foreign');
    expect(classifyCallerNumber('+46701234567', '+46701234567')).toBe('registered_mobile_abroad');
  });
});
