// Sealed CPR numbers: AES-256-GCM under the 'cpr-seal' key.
import { describe, expect, it } from 'vitest';
import { secretsFromMasterKey } from '../../../../../server/secrets';
import { createCprSealer, SealError } from '../../../../../server/services/sealing';

const sealer = createCprSealer(secretsFromMasterKey(Buffer.alloc(32, 1)));

describe('CPR sealing', () => {
  it('unseals what it sealed, dash or not, and never shows the number', () => {
    const sealed = sealer.seal('120368-1158');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('1203681158');
    expect(sealer.unseal(sealed)).toBe('1203681158');
  });

  it('seals the same number differently each time (fresh IV)', () => {
    expect(sealer.seal('1203681158')).not.toBe(sealer.seal('1203681158'));
  });

  it('refuses an altered value, another key, and garbage', () => {
    const sealed = sealer.seal('1203681158');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => sealer.unseal(`v1.${raw.toString('base64url')}`)).toThrow(SealError);
    const other = createCprSealer(secretsFromMasterKey(Buffer.alloc(32, 2)));
    expect(() => other.unseal(sealed)).toThrow(SealError);
    expect(() => sealer.unseal('v1.AAAA')).toThrow(SealError);
    expect(() => sealer.unseal('1203681158')).toThrow(SealError);
  });
});
