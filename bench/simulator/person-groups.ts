// The kinds of person the simulator reports on separately: thin register data is normal for some of them.
import type { SandboxPerson } from '../../server/sandbox/in-memory-register';

export type PersonGroup = 'protected' | 'greenland' | 'recent_immigrant' | 'childhood_home' | 'young' | 'one_address' | 'other';

const yearsBefore = (today: string, iso: string) => Number(today.slice(0, 4)) - Number(iso.slice(0, 4));

/** Age in whole years on `iso`. */
function ageOn(birthDate: string, iso: string): number {
  const years = Number(iso.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return iso.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/**
 * Someone who has not moved since the age of 15: still in the home of their childhood (mostly young
 * people living with their parents, and every caller under 18 who never moved). The register holds no
 * fact about them that only they would know (README "Verification engine", thin data).
 */
export function livesInChildhoodHome(p: SandboxPerson): boolean {
  const current = p.facts.addresses.find((a) => a.movedOut === null);
  return current !== undefined && ageOn(p.facts.birthDate, current.movedIn) < 15;
}

/** One group per person, the first that applies in the order above. */
export function personGroup(p: SandboxPerson, today: string): PersonGroup {
  const f = p.facts;
  if (f.nameAddressProtection) return 'protected';
  const current = f.addresses.find((a) => a.movedOut === null);
  if (current?.country === 'GL') return 'greenland';
  const firstDanish = f.addresses.find((a) => a.country === 'DK' || a.country === 'GL');
  if (f.birthplaceKind === 'country' && firstDanish && yearsBefore(today, firstDanish.movedIn) < 5) return 'recent_immigrant';
  if (livesInChildhoodHome(p)) return 'childhood_home';
  if (yearsBefore(today, f.birthDate) < 25) return 'young';
  if (f.addresses.length <= 1) return 'one_address';
  return 'other';
}
