import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyVerification } from '../../../../shared/api/index';
import { AbortDialog } from './abort-dialog';

/** "10.05" in the console's language. */
export function callTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * The agent's calls still in progress on the server (after a sign-in, a reload, another window): each
 * offered to resume or to end, so none is forgotten and no second call is started beside it.
 */
export function OpenCallOffer({ calls, onResume, onEnded }: { calls: MyVerification[]; onResume: (id: string) => void; onEnded: () => void }) {
  const { t, i18n } = useTranslation();
  const [ending, setEnding] = useState<string | null>(null);
  if (calls.length === 0) return null;
  return (
    <Stack spacing={1}>
      {calls.map((call) => {
        const time = callTime(call.startedAt, i18n.language);
        return (
          <Alert
            key={call.id}
            severity="warning"
            action={
              <Stack direction="row" spacing={1}>
                <Button color="inherit" variant="outlined" size="small" onClick={() => onResume(call.id)} aria-label={t('call.resume.resumeLabel', { time })}>
                  {t('call.resume.resume')}
                </Button>
                <Button color="inherit" size="small" onClick={() => setEnding(call.id)} aria-label={t('call.resume.endLabel', { time })}>
                  {t('call.resume.end')}
                </Button>
              </Stack>
            }
          >
            {t('call.resume.open', { time, person: call.maskedCpr ?? t('myCalls.unknownPerson') })}
          </Alert>
        );
      })}
      {ending ? (
        <AbortDialog
          verificationId={ending}
          open
          onClose={() => setEnding(null)}
          onAborted={() => {
            setEnding(null);
            onEnded();
          }}
        />
      ) : null}
    </Stack>
  );
}

/** The calls of a "my calls" page that are still in progress. */
export function callsInProgress(items: MyVerification[]): MyVerification[] {
  return items.filter((c) => c.status === 'in_progress');
}

/**
 * The open call that looks like the same person: the CPR number's date part against the masked one
 * (DDMMYY-XXXX). Two people can share a birth date, so this warns rather than forbids.
 */
export function openCallForSamePerson(calls: MyVerification[], cpr: string | null): MyVerification | undefined {
  const digits = cpr?.replace(/\D/g, '') ?? '';
  if (digits.length !== 10) return undefined;
  return calls.find((c) => c.maskedCpr?.startsWith(digits.slice(0, 6)));
}
