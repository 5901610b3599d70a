// The kinds of person the simulator reports on separately: thin register data is normal for some of them.
import type { SandboxPerson } from '../../server/sandbox/in-memory-register';

export type PersonGroup = 'protected' | 'greenland' | 'recent_immigrant' | 'young' | 'one_address' | 'other';

const yearsBefore = (today: string, iso: string) => Number(today.slice(0, 4)) - Number(iso.slice(0, 4));

/** One group per person, the first that applies in the order above. */
export function personGroup(p: SandboxPerson, today: string): PersonGroup {
  const f = p.facts;
  if (f.nameAddressProtection) return 'protected';
  const current = f.addresses.find((a) => a.movedOut === null);
  if (current?.country === 'GL') return 'greenland';
  const firstDanish = f.addresses.find((a) => a.country === 'DK' || a.country === 'GL');
  if (f.birthplaceKind === 'country' && firstDanish && yearsBefore(today, firstDanish.movedIn) < 5) return 'recent_immigrant';
  if (yearsBefore(today, f.birthDate) < 25) return 'young';
  if (f.addresses.length <= 1) return 'one_address';
  return 'other';
}
