import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorCodes } from '../../../../shared/api/api-error';
import type { ApiError, VerificationView } from '../../../../shared/api/index';
import { useAuth } from '../../app/auth';
import { callLinkStore, usePendingCallLink } from '../../app/call-links';
import { useConsoleApi } from '../../app/console-api-context';
import { useAgentCatalogue } from '../../app/i18n/agent-catalogue';
import { toApiError, useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { isAltKey, isModalOpen } from '../../components/keyboard';
import { Kbd } from '../../components/kbd';
import { Page } from '../../components/page';
import { AbortDialog } from './abort-dialog';
import { callStore, useCallState } from './call-store';
import { IdentifyForm } from './identify-form';
import { callsInProgress, OpenCallOffer } from './open-call-offer';
import { OutcomeStep } from './outcome-step';
import { PhoneCallNotice, previewCallerNumber } from './phone-call-notice';
import { QuestionStep } from './question-step';
import { RedFlagButton, RedFlagNotice } from './red-flag';

type Step = 'identify' | 'questions' | 'outcome';
const steps: readonly Step[] = ['identify', 'questions', 'outcome'];

function StepIndicator({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <Box component="ol" aria-label={t('call.steps.label')} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', m: 0, p: 0, listStyle: 'none' }}>
      {steps.map((step, i) => {
        const active = step === current;
        return (
          <Box
            component="li"
            key={step}
            aria-current={active ? 'step' : undefined}
            sx={{
              px: 1.5,
              py: 0.5,
              borderRadius: 4,
              border: 1,
              borderColor: active ? 'primary.main' : 'divider',
              bgcolor: active ? 'primary.main' : 'transparent',
              color: active ? 'primary.contrastText' : 'text.secondary',
              fontWeight: active ? 600 : 400,
            }}
          >
            {`${i + 1}. ${t(`call.steps.${step}`)}`}
          </Box>
        );
      })}
    </Box>
  );
}

/**
 * Agent: one call from identification to outcome. The verification id sits in the URL (`?id=`), so a
 * sign-in after an expired session, a reload in Electron, or "My calls" comes back to the same step.
 */
export function NewCallPage() {
  useAgentCatalogue();
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { state } = useAuth();
  const [params, setParams] = useSearchParams();
  const idParam = params.get('id');
  const call = useCallState();
  const [loadError, setLoadError] = useState<{ id: string; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [abortOpen, setAbortOpen] = useState(false);
  // Verifications this page itself started or updated: no need to fetch them again.
  const known = useRef(new Set<string>());
  const userId = state.status === 'signed-in' ? state.session.user.id : null;

  useLayoutEffect(() => {
    if (userId) callStore.claim(userId);
  }, [userId]);

  // Resume by id: a reopened call from "My calls", or this call after a sign-in or reload.
  useEffect(() => {
    if (!idParam || known.current.has(idParam)) return;
    let current = true;
    setLoadError(null);
    api.getVerification({ id: idParam }).then(
      (view) => {
        if (!current) return;
        known.current.add(view.id);
        callStore.setView(view);
      },
      (error: unknown) => current && setLoadError({ id: idParam, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, idParam, attempt]);

  // The phone system's screen pop: a new call with its call ID. A call still in progress stays open on
  // the server (offered above the form, to resume or abort).
  const link = usePendingCallLink();
  const claimed = Boolean(userId) && call.ownerId === userId;
  useEffect(() => {
    if (!link || !claimed) return;
    const phoneCall = callLinkStore.take();
    if (!phoneCall) return;
    callStore.startPhoneCall(phoneCall);
    setParams({});
  }, [link, claimed, setParams]);

  const view = call.view && call.view.id === idParam ? call.view : null;
  const inProgress = view?.status === 'in_progress';

  // No id in the URL (Alt+N, the menu): a call still in progress is shown rather than lost; an ended one is cleared.
  useEffect(() => {
    if (idParam) return;
    const stored = callStore.get().view;
    if (stored?.status === 'in_progress') setParams({ id: stored.id }, { replace: true });
    else if (stored) callStore.reset();
  }, [idParam, setParams]);

  useEffect(() => {
    if (!inProgress) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModalOpen() || !isAltKey(event, 'a')) return;
      event.preventDefault();
      setAbortOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inProgress]);

  const show = (next: VerificationView) => {
    known.current.add(next.id);
    if (next.id !== idParam) setParams({ id: next.id });
  };

  const newCall = () => {
    callStore.reset();
    setParams({});
  };

  // Calls of this agent still open on the server, which this window may not know of (a sign-in, a reload).
  const showsIdentify = !idParam;
  const myCalls = useApiQuery(showsIdentify ? 'my-open-calls' : 'my-open-calls:idle', (a) => (showsIdentify ? a.listMyVerifications({}) : Promise.resolve({ items: [] })));
  // null until the list is in: the identify form then asks for it itself before it starts a call.
  const openCalls = myCalls.status === 'success' ? callsInProgress(myCalls.data.items) : null;
  const resume = (id: string) => setParams({ id });

  // Until this user's claim is in (layout effect, before paint), nothing of another user's call may show.
  if (!userId || call.ownerId !== userId) return null;

  let step: Step = 'identify';
  let content;
  if (idParam && !view) {
    const error = loadError?.id === idParam ? loadError.error : null;
    step = 'questions';
    content = !error ? (
      <Typography role="status">{t('call.resume.loading')}</Typography>
    ) : error.code === errorCodes.notFound || error.code === errorCodes.forbidden || error.code === errorCodes.badRequest ? (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={newCall}>
            {t('call.outcome.newCall')}
          </Button>
        }
      >
        {t('call.failed.notFound')}
      </Alert>
    ) : (
      <ApiErrorAlert error={error} onRetry={() => setAttempt((n) => n + 1)} />
    );
  } else if (view && view.status === 'in_progress' && view.currentQuestion) {
    step = 'questions';
    content = <QuestionStep key={view.currentQuestion.id} view={view} question={view.currentQuestion} onView={show} />;
  } else if (view && view.status !== 'in_progress') {
    step = 'outcome';
    content = <OutcomeStep view={view} onView={show} onNewCall={newCall} />;
  } else if (view) {
    step = 'questions';
    content = <Typography role="status">{t('call.resume.loading')}</Typography>;
  } else {
    content = (
      <>
        <OpenCallOffer calls={openCalls ?? []} onResume={resume} onEnded={myCalls.reload} />
        {call.phoneCall ? <PhoneCallNotice callId={call.phoneCall.callId} callerNumber={previewCallerNumber(call.phoneCall)} /> : null}
        {/* A new form per screen pop: nothing typed for the previous caller stays. */}
        <IdentifyForm key={call.phoneCall ? `pop:${call.phoneCall.callId}` : 'manual'} onStarted={show} openCalls={openCalls} onResume={resume} />
      </>
    );
  }

  return (
    <Page
      title={t('nav.newCall')}
      actions={
        // The steps beside the title, not on a row of their own: the identify step must fit 1366×768.
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          <StepIndicator current={step} />
          {view ? <RedFlagButton view={view} /> : null}
          {inProgress ? (
            <Button
              color="error"
              variant="outlined"
              onClick={() => setAbortOpen(true)}
              aria-keyshortcuts="Alt+A"
              endIcon={<Kbd decorative>Alt+A</Kbd>}
            >
              {t('call.abort.open')}
            </Button>
          ) : null}
        </Box>
      }
    >
      {view ? <RedFlagNotice view={view} /> : null}
      {content}
      {view && inProgress ? (
        <AbortDialog
          verificationId={view.id}
          open={abortOpen}
          onClose={() => setAbortOpen(false)}
          onAborted={(next) => {
            setAbortOpen(false);
            show(next);
          }}
        />
      ) : null}
    </Page>
  );
}
