// MitID user ID rules (DOMAIN.md, mitid.dk): what a user ID may look like. Pure; used by the
// activation page's server side and anywhere a user ID is typed.

export type UserIdRule = 'length' | 'characters' | 'ten_digits' | 'edge_space';

export const userIdMinLength = 5;
export const userIdMaxLength = 48;

// Letters a-z and æøå (either case: user IDs are not case-sensitive), digits, space and {}!#$^,*()_+-=:;?.@
const allowed = /^[a-zæøå0-9 {}!#$^,*()_+\-=:;?.@]*$/;

/** User IDs are not case-sensitive: this is the form they are stored and compared in. */
export function normaliseUserId(userId: string): string {
  return userId.toLowerCase();
}

/** The rules a candidate user ID breaks; an empty list means it is a valid user ID. */
export function brokenUserIdRules(userId: string): UserIdRule[] {
  const broken: UserIdRule[] = [];
  const length = [...userId].length;
  if (length < userIdMinLength || length > userIdMaxLength) broken.push('length');
  if (!allowed.test(normaliseUserId(userId))) broken.push('characters');
  // Any 10 digits in a row, and a CPR number written with its hyphen ('-' is an allowed sign).
  if (/\d{10}/.test(userId) || /^\d{6}-\d{4}$/.test(userId.trim())) broken.push('ten_digits');
  if (userId !== userId.trim()) broken.push('edge_space');
  return broken;
}
