import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { PhoneCall } from '../../../../shared/domain/phone-call/call-link';
import { notableCallerNumbers, parseCallerNumber, type CallerNumber } from '../../../../shared/domain/phone-call/caller-number';

/** Before the start the console knows only the number's kind; the API adds "is it the registered mobile". */
export function previewCallerNumber(call: PhoneCall): CallerNumber {
  const parsed = parseCallerNumber(call.from);
  return parsed.kind === 'invalid' ? 'withheld' : parsed.kind;
}

/**
 * The phone system's call on this verification: its call ID (for the wrap-up and a supervisor's search)
 * and what the caller's number says. A signal, never proof: the text says so every time it shows.
 */
export function PhoneCallNotice({ callId, callerNumber }: { callId: string; callerNumber: CallerNumber }) {
  const { t } = useTranslation();
  const notable = notableCallerNumbers.includes(callerNumber);
  return (
    <Alert severity={notable ? 'warning' : 'info'} icon={<PhoneInTalkOutlined />} data-testid="phone-call">
      {t('call.phoneCall.callId', { callId })} {t(`call.phoneCall.number.${callerNumber}`)} {t('call.phoneCall.signalOnly')}
    </Alert>
  );
}
