import { z } from 'zod';

// Messages are catalogue keys, translated when shown, so they follow a language switch.
// Limits mirror the contract's `login` input (shared/api/operations/auth.ts).
export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'signIn.validation.usernameRequired')
    .max(64, 'signIn.validation.usernameTooLong'),
  password: z.string().min(1, 'signIn.validation.passwordRequired').max(256, 'signIn.validation.passwordTooLong'),
});
export type SignInValues = z.infer<typeof signInSchema>;

export type SignInMessageKey =
  | 'signIn.validation.usernameRequired'
  | 'signIn.validation.usernameTooLong'
  | 'signIn.validation.passwordRequired'
  | 'signIn.validation.passwordTooLong';
