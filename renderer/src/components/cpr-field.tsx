import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useCallback, useLayoutEffect, useRef, type ChangeEvent } from 'react';

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** DDMMYY-SSSS as far as typed: digits only, at most 10, the dash after the sixth. */
export function formatCprInput(text: string): string {
  const digits = digitsOf(text).slice(0, 10);
  return digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

/** Where the caret goes in `formatted` so that `digitsBefore` digits stand before it. */
function caretAfterDigits(formatted: string, digitsBefore: number): number {
  if (digitsBefore === 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i] ?? '')) seen++;
    if (seen === digitsBefore) return i + 1;
  }
  return formatted.length;
}

/**
 * The next value and caret for an edit of a masked CPR field: typed or pasted in any spelling
 * ("0101901234", "010190 1234", "01 01 90-1234"), with the caret kept among the digits and a
 * Backspace on the dash deleting the digit before it (else the dash would come straight back).
 */
export function maskCprEdit(previous: string, raw: string, caret: number): { value: string; caret: number } {
  let digits = digitsOf(raw);
  let before = digitsOf(raw.slice(0, caret)).length;
  if (raw.length < previous.length && digits === digitsOf(previous) && before > 0) {
    digits = digits.slice(0, before - 1) + digits.slice(before);
    before -= 1;
  }
  const value = formatCprInput(digits);
  return { value, caret: caretAfterDigits(value, Math.min(before, 10)) };
}

type CprFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'inputRef'> & {
  value: string;
  onChange: (value: string) => void;
  /** A callback ref (react-hook-form's `field.ref`). */
  inputRef?: (node: HTMLInputElement | null) => void;
};

/** A CPR number field that masks as the agent types or pastes (DDMMYY-SSSS). */
export function CprField({ value, onChange, inputRef, slotProps, ...props }: CprFieldProps) {
  const input = useRef<HTMLInputElement | null>(null);
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && input.current === document.activeElement) {
      input.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    }
    pendingCaret.current = null;
  }, [value]);

  const setInput = useCallback(
    (node: HTMLInputElement | null) => {
      input.current = node;
      inputRef?.(node);
    },
    [inputRef],
  );

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = maskCprEdit(value, event.target.value, event.target.selectionStart ?? event.target.value.length);
    pendingCaret.current = next.caret;
    onChange(next.value);
  };

  return (
    <TextField
      {...props}
      value={value}
      onChange={handleChange}
      inputRef={setInput}
      slotProps={{
        ...slotProps,
        htmlInput: {
          inputMode: 'numeric',
          autoComplete: 'off',
          spellCheck: false,
          ...(slotProps?.htmlInput as object | undefined),
        },
      }}
    />
  );
}
