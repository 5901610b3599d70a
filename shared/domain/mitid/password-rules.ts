// MitID password rules (DOMAIN.md, mitid.dk). Pure: the Support API decides with it; the activation
// page shows one message per broken rule.

export type PasswordRule = 'length' | 'contains_user_id' | 'ten_digits' | 'keyboard_run';

export const passwordRules: readonly PasswordRule[] = ['length', 'contains_user_id', 'ten_digits', 'keyboard_run'];
export const passwordMinLength = 8;
export const passwordMaxLength = 64;

// Rows of a Danish keyboard as typed without shift (the digit row also from 0). A password that is a
// stretch of one row, either direction, is a run of neighbouring keys (qwertyui, ølkjhgfd, 12345678).
const keyboardRows = ['1234567890+´', 'qwertyuiopå¨', "asdfghjklæø'", '<zxcvbnm,.-', '0123456789'];

function isKeyboardRun(password: string): boolean {
  const p = password.toLowerCase();
  return keyboardRows.some((row) => row.includes(p) || [...row].reverse().join('').includes(p));
}

/** The rules a new password breaks for this user ID; an empty list means it is acceptable. */
export function brokenPasswordRules(password: string, userId: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  const length = [...password].length;
  if (length < passwordMinLength || length > passwordMaxLength) broken.push('length');
  const id = userId.trim().toLowerCase();
  if (id.length > 0 && password.toLowerCase().includes(id)) broken.push('contains_user_id');
  if (/\d{10}/.test(password)) broken.push('ten_digits');
  if (length >= 2 && isKeyboardRun(password)) broken.push('keyboard_run');
  return broken;
}
