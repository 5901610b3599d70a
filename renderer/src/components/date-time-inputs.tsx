// Date and time inputs that follow the console's language, not the browser's or the OS's locale:
// 24-hour clock, dd.mm.åååå in Danish and dd/mm/yyyy in English, identical in the browser and in
// Electron (native <input type="datetime-local"> follows Chromium's locale, which a browser tab does
// not take from the console). Values stay the strings the forms already hold: "yyyy-MM-ddTHH:mm"
// (local time) and "HH:mm"; a half-typed value is reported as `invalidValue`.
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { DesktopDateTimePicker } from '@mui/x-date-pickers/DesktopDateTimePicker';
import { DesktopTimePicker } from '@mui/x-date-pickers/DesktopTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { daDK, enUS } from '@mui/x-date-pickers/locales';
import { format, isValid, parse } from 'date-fns';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What onChange reports for a date the user has not finished typing (never a valid form value). */
export const invalidValue = 'invalid';

const dateTimeValue = "yyyy-MM-dd'T'HH:mm";
const timeValue = 'HH:mm';

const languages = {
  da: {
    locale: da,
    dateTime: 'dd.MM.yyyy HH:mm',
    // The grid of MUI's Danish pack uses English letters (DD/YYYY/hh); a Danish form reads dd.mm.åååå tt:mm.
    placeholders: { fieldDayPlaceholder: () => 'dd', fieldMonthPlaceholder: () => 'mm', fieldYearPlaceholder: (p: { digitAmount: number }) => 'å'.repeat(p.digitAmount), fieldHoursPlaceholder: () => 'tt', fieldMinutesPlaceholder: () => 'mm' },
    text: daDK,
  },
  en: {
    locale: enGB,
    dateTime: 'dd/MM/yyyy HH:mm',
    placeholders: { fieldDayPlaceholder: () => 'dd', fieldMonthPlaceholder: () => 'mm', fieldYearPlaceholder: (p: { digitAmount: number }) => 'y'.repeat(p.digitAmount), fieldHoursPlaceholder: () => 'hh', fieldMinutesPlaceholder: () => 'mm' },
    text: enUS,
  },
} as const;

function useLanguage() {
  const { i18n } = useTranslation();
  return languages[i18n.language === 'en' ? 'en' : 'da'];
}

function PickerProvider({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={lang.locale} localeText={{ ...lang.text.components.MuiLocalizationProvider.defaultProps.localeText, ...lang.placeholders }}>
      {children}
    </LocalizationProvider>
  );
}

function toDate(value: string, pattern: string): Date | null {
  if (!value) return null;
  return parse(value, pattern, new Date(2000, 0, 1));
}

/**
 * Keeps what is typed (also half-typed, which the string value cannot hold) and follows the value
 * when the form changes it from outside (Clear, a reset).
 */
function usePickerValue(value: string, pattern: string, onChange: (value: string) => void) {
  const [state, setState] = useState<{ value: string; date: Date | null }>(() => ({ value, date: toDate(value, pattern) }));
  if (state.value !== value && !(value === invalidValue && state.date && !isValid(state.date))) {
    setState({ value, date: toDate(value, pattern) });
  }
  const change = (date: Date | null) => {
    const next = date === null ? '' : isValid(date) ? format(date, pattern) : invalidValue;
    setState({ value: next, date });
    onChange(next);
  };
  return { date: state.date, change };
}

interface InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  error?: boolean;
  helperText?: ReactNode;
}

/** A local date and time, "yyyy-MM-ddTHH:mm", shown in the console's language. */
export function DateTimeInput({ label, value, onChange, onBlur, name, error, helperText }: InputProps) {
  return (
    <PickerProvider>
      <DateTimeInputField label={label} value={value} onChange={onChange} onBlur={onBlur} name={name} error={error} helperText={helperText} />
    </PickerProvider>
  );
}

function DateTimeInputField({ label, value, onChange, onBlur, name, error, helperText }: InputProps) {
  const lang = useLanguage();
  const { date, change } = usePickerValue(value, dateTimeValue, onChange);
  return (
    <DesktopDateTimePicker
      label={label}
      value={date}
      onChange={change}
      format={lang.dateTime}
      ampm={false}
      name={name}
      slotProps={{ textField: { size: 'small', error, helperText, onBlur, sx: { width: 230 } } }}
    />
  );
}

/** A time of day, "HH:mm", 24-hour in both languages. */
export function TimeInput({ label, value, onChange, onBlur, name, error, helperText }: InputProps) {
  return (
    <PickerProvider>
      <TimeInputField label={label} value={value} onChange={onChange} onBlur={onBlur} name={name} error={error} helperText={helperText} />
    </PickerProvider>
  );
}

function TimeInputField({ label, value, onChange, onBlur, name, error, helperText }: InputProps) {
  const { date, change } = usePickerValue(value, timeValue, onChange);
  return (
    <DesktopTimePicker
      label={label}
      value={date}
      onChange={change}
      format={timeValue}
      ampm={false}
      name={name}
      slotProps={{ textField: { size: 'small', error, helperText, onBlur, sx: { width: 150 } } }}
    />
  );
}
