// The supervisor's CPR lookup (person access log, trainer view, the log's filter): the whole number,
// hyphen and spaces optional, by the contract's own rule (fullCprSchema), with the log filter's words.
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fullCprSchema } from '../../../shared/api/operations/supervision';

/** Ten digits, with or without the hyphen or spaces (no modulus-11 check: cpr.dk). */
export const isFullCpr = (value: string): boolean => fullCprSchema.safeParse(value).success;

/** The field's schema in a lookup form: what is typed, checked whole. */
export const cprLookupSchema = z.string().refine(isFullCpr);

/** A CPR number input for a lookup (react-hook-form's register spread in); `invalid` shows the error. */
export function CprLookupField({ invalid, ...props }: Omit<TextFieldProps, 'error' | 'helperText'> & { invalid: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      required
      size="small"
      autoComplete="off"
      {...props}
      error={invalid}
      helperText={invalid ? t('log.filters.cprInvalid' as never) : t('log.filters.cprHelp' as never)}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 13, spellCheck: false } }}
    />
  );
}
