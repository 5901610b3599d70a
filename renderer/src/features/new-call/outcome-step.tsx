import Sms from '@mui/icons-material/SmsOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../../shared/api/api-error';
import type { VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useApiMutation } from '../../app/use-api-mutation';
import { toApiError } from '../../app/use-api-query';
import { describeApiError } from '../../components/api-error-alert';
import { Kbd } from '../../components/kbd';
import { callStore } from './call-store';
import { CosignWaiting } from './cosign-waiting';
import { FraudScript } from './fraud-script';
import { outcomeCategory } from '../../components/outcome-category';
import { CallRouting } from './call-routing';
import { outcomeScriptKey } from './outcome';
import { PhoneCallNotice } from './phone-call-notice';
import { ScriptLine } from './script-line';
import { WrapUpCode } from './wrap-up-code';

const severity = { passed: 'success', refer: 'warning', notVerified: 'error', aborted: 'info', expired: 'info', inProgress: 'info' } as const;

/** HH:MM in the agent's language. */
export function clockTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * The end of a call: passed → send the activation code (the agent never sees it) → confirmation and
 * what the caller does next; otherwise the reason and the line that refers the caller on.
 */
export function OutcomeStep({ view, onView, onNewCall }: { view: VerificationView; onView: (view: VerificationView) => void; onNewCall: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useConsoleApi();
  const callT = i18n.getFixedT(view.callLanguage);
  const sendingCode = useApiMutation(async () => {
    try {
      return await api.issueActivationCode({ id: view.id });
    } catch (error) {
      // Sent once already (a retry after a lost answer): show what the server has.
      if (toApiError(error).code === errorCodes.conflict) {
        api.getVerification({ id: view.id }).then((fresh) => {
          callStore.setView(fresh);
          onView(fresh);
        }, () => undefined);
      }
      throw error;
    }
  });
  const sending = sendingCode.pending;
  const failure = sendingCode.error;
  const heading = useRef<HTMLHeadingElement>(null);
  const category = outcomeCategory(view.status, view.outcome?.reason);
  const reason = view.outcome?.reason;
  // A code waiting for a supervisor's co-sign is not sent again; CosignWaiting holds the caller instead.
  const waitingForCosign = view.cosign?.status === 'pending';
  const canSend = view.status === 'passed' && view.code.status === 'none' && !waitingForCosign;
  const scriptKey = waitingForCosign ? null : outcomeScriptKey(view);

  // Announce the outcome: focus its heading (the Send button takes focus itself when there is one).
  useEffect(() => {
    if (!canSend) heading.current?.focus();
  }, [canSend, view.code.status]);

  const sendCode = async () => {
    // The button is settled by now (run clears pending before it resolves), so the confirmation never
    // shows beside a still-disabled one.
    const next = await sendingCode.run();
    if (next) {
      callStore.setView(next);
      onView(next);
    }
  };

  const title = view.status === 'passed' ? t('call.outcome.passedTitle') : t(`outcome.categories.${category}`);
  const guidance = reason === 'deceased' || reason === 'disappeared' || reason === 'suspected_fraud' ? t(`outcome.guidance.${reason}`) : null;

  return (
    <Paper variant="outlined" component="section" aria-labelledby="outcome-title" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2.5}>
        <Typography variant="h2" id="outcome-title" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
          {title}
        </Typography>
        <Alert severity={severity[category]}>
          {view.status !== 'passed' ? <AlertTitle>{t('call.outcome.reasonLabel')}</AlertTitle> : null}
          {reason ? t(`outcome.reasons.${reason}`) : t(`outcome.categories.${category}`)}
          {guidance ? <Box sx={{ mt: 1, fontWeight: 600 }}>{guidance}</Box> : null}
        </Alert>
        {view.maskedCpr ? <Typography color="text.secondary">{t('call.outcome.person', { cpr: view.maskedCpr })}</Typography> : null}
        {view.code.status === 'sent' && view.code.expiresAt ? (
          <Alert severity="success" icon={<Sms />} role="status">
            {t('call.outcome.codeSent', {
              mobile: view.code.maskedMobile ?? '',
              time: clockTime(view.code.expiresAt, i18n.language),
            })}
          </Alert>
        ) : null}
        {view.code.status === 'delivery_failed' ? <Alert severity="error">{t('call.outcome.codeDeliveryFailed')}</Alert> : null}
        {view.code.status !== 'none' && view.code.status !== 'sent' && view.code.status !== 'delivery_failed' ? (
          <Typography>{t('call.outcome.codeOther', { status: t(`outcome.codeStatus.${view.code.status}`) })}</Typography>
        ) : null}
        {canSend ? <Typography>{t('call.outcome.passedBody')}</Typography> : null}
        <CosignWaiting view={view} onView={onView} />
        {scriptKey ? (
          // Keyed on the expiry: "works for N minutes" counts from when the agent sees this code (about when it
          // was sent), not from when the screen was shown; a code that waited for co-sign comes minutes later.
          <CodeMinutes key={view.code.expiresAt ?? 'none'} expiresAt={view.code.expiresAt}>
            {(minutes) => <ScriptLine language={view.callLanguage}>{callT(scriptKey, { minutes, attempts: view.code.maxAttempts ?? 3 })}</ScriptLine>}
          </CodeMinutes>
        ) : null}
        <FraudScript view={view} />
        {view.phoneCall ? <PhoneCallNotice callId={view.phoneCall.callId} callerNumber={view.phoneCall.callerNumber} /> : null}
        <CallRouting view={view} />
        {/* After the call (not while the code is still to be sent): the code for the phone system's wrap-up. */}
        {reason && !canSend && !waitingForCosign ? <WrapUpCode reason={reason} /> : null}
        {failure ? (
          <Alert
            severity="error"
            role="alert"
            action={
              <Button color="inherit" size="small" onClick={() => void sendCode()} disabled={sending}>
                {t('call.failed.retry')}
              </Button>
            }
          >
            {describeApiError(t, failure)}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {canSend ? (
            <Button variant="contained" size="large" startIcon={<Sms />} autoFocus disabled={sending} onClick={() => void sendCode()}>
              {sending ? t('call.outcome.sendingCode') : t('call.outcome.sendCode')}
            </Button>
          ) : null}
          <Button
            variant={canSend ? 'outlined' : 'contained'}
            size="large"
            onClick={onNewCall}
            disabled={sending}
            aria-keyshortcuts="Alt+N"
            endIcon={<Kbd decorative>Alt+N</Kbd>}
          >
            {t('call.outcome.newCall')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The minutes a code has left, counted from when this first rendered (remount it for another code). */
function CodeMinutes({ expiresAt, children }: { expiresAt: string | null; children: (minutes: number) => ReactNode }) {
  const [seenAt] = useState(() => Date.now());
  return children(expiresAt ? Math.max(1, Math.round((Date.parse(expiresAt) - seenAt) / 60_000)) : 30);
}
