import HourglassTop from '@mui/icons-material/HourglassTopOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { callStore } from './call-store';
import { ScriptLine } from './script-line';

const pollMs = 1_000;

/**
 * "Waiting for a supervisor": the code needs co-sign. Shows why and until when, the line that holds the
 * caller, and polls the verification until a supervisor approves (the code is then sent), denies, or
 * the time runs out (a referral): the outcome screen then shows what happened.
 */
export function CosignWaiting({ view, onView }: { view: VerificationView; onView: (view: VerificationView) => void }) {
  const { t, i18n } = useTranslation();
  const api = useConsoleApi();
  const callT = i18n.getFixedT(view.callLanguage);
  const cosign = view.cosign;
  const waiting = cosign?.status === 'pending';
  const settled = useEffectEvent((next: VerificationView) => {
    callStore.setView(next);
    onView(next);
  });

  useEffect(() => {
    if (!waiting) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api
        .getVerification({ id: view.id })
        .then(
          (next) => {
            if (alive && next.cosign?.status !== 'pending') settled(next);
          },
          () => undefined,
        )
        .finally(() => {
          if (alive) timer = setTimeout(poll, pollMs);
        });
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, view.id, waiting]);

  if (!cosign || !waiting) return null;
  const time = new Intl.DateTimeFormat(i18n.language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(cosign.expiresAt));
  return (
    <>
      <Alert severity="info" icon={<HourglassTop />} role="status" aria-live="polite">
        <AlertTitle>{t('cosign.waitingTitle')}</AlertTitle>
        {t('cosign.waitingBody', { time })}
        <Box component="p" sx={{ mb: 0, mt: 1 }}>
          <strong>{t('cosign.reasonsLabel')}:</strong> {cosign.reasons.map((r) => t(`cosign.reasons.${r}`)).join(' · ')}
        </Box>
        <LinearProgress sx={{ mt: 1.5 }} aria-hidden />
      </Alert>
      <ScriptLine language={view.callLanguage}>{callT('script.holdForSupervisor')}</ScriptLine>
    </>
  );
}
