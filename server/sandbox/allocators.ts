// Unique identifiers without remembering every one handed out: each sequence walks a fixed permutation
// of its number space, so two persons can never get the same CPR, document number or user ID.
import { centuryYear, passesModulus11 } from '../../shared/domain/cpr';
import { hash32 } from './prng';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * CPR numbers per (birth date, sex, modulus-11 outcome): these classes are disjoint, so a counter per
 * class walking the 10,000 serials in a scrambled order never repeats a number.
 */
export class CprAllocator {
  private readonly counters = new Map<string, number>();
  constructor(private readonly reserved: ReadonlySet<string> = new Set()) {}

  /** undefined when that date and class are exhausted (a few hundred numbers): the caller moves the date. */
  allocate(birthDate: string, sex: 'male' | 'female', passesMod11: boolean): string | undefined {
    const [y, m, d] = birthDate.split('-');
    const year = Number(y);
    const datePart = `${d}${m}${(y ?? '').slice(2)}`;
    const key = `${datePart}${sex[0]}${passesMod11 ? 1 : 0}`;
    const offset = hash32(datePart) % 10_000;
    let k = this.counters.get(key) ?? 0;
    for (; k < 10_000; k++) {
      // 7919 is prime and coprime with 10,000, so k ↦ serial is a permutation of 0000..9999.
      const serial = (k * 7919 + offset) % 10_000;
      const digits = `${datePart}${pad(serial, 4)}`;
      if (centuryYear(year % 100, Math.floor(serial / 1000)) !== year) continue;
      if ((serial % 2 === 1) !== (sex === 'male')) continue;
      if (passesModulus11(digits) !== passesMod11) continue;
      if (this.reserved.has(digits)) continue;
      this.counters.set(key, k + 1);
      return digits;
    }
    this.counters.set(key, k);
    return undefined;
  }
}

/** n-digit numbers with no leading zero, in a scrambled order (multiplier coprime with the range). */
export class NumberSequence {
  private k = 0;
  private readonly range: number;
  private readonly low: number;
  constructor(
    digits: number,
    private readonly multiplier: number,
    private readonly offset: number,
    private readonly reserved: ReadonlySet<string> = new Set(),
  ) {
    this.low = 10 ** (digits - 1);
    this.range = 9 * this.low;
  }

  next(): string {
    for (;;) {
      const n = this.low + ((this.k++ * this.multiplier + this.offset) % this.range);
      const s = String(n);
      if (!this.reserved.has(s)) return s;
    }
  }
}

// Both multipliers are coprime with 9·10^(n-1) (not divisible by 2, 3 or 5).
export const passportNumbers = (seed: string, reserved: ReadonlySet<string>) =>
  new NumberSequence(9, 738_219_461, hash32(`passport:${seed}`) % 900_000_000, reserved);
export const licenceNumbers = (seed: string, reserved: ReadonlySet<string>) =>
  new NumberSequence(8, 48_271_523, hash32(`licence:${seed}`) % 90_000_000, reserved);

const userIdChars: Record<string, string> = { é: 'e', è: 'e', ê: 'e', ü: 'u', ö: 'ø', ä: 'æ', á: 'a', ś: 's', ł: 'l', ń: 'n' };

/** Lower-case letters a-z æøå only: what a name contributes to a MitID user ID. */
export function userIdLetters(name: string): string {
  return [...name.toLowerCase()]
    .map((c) => userIdChars[c] ?? c)
    .filter((c) => /[a-zæøå]/.test(c))
    .join('');
}
