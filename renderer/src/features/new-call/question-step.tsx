import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorCodes } from '../../../../shared/api/api-error';
import type { OperationInput, QuestionView, VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useHealth } from '../../app/health';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';
import { isAltKey, isModalOpen } from '../../components/keyboard';
import { Kbd } from '../../components/kbd';
import { maxAnswerLength } from '../../../../shared/domain/answers/index';
import { answerProblem, type AnswerMessageKey } from './answer-check';
import { callStore, useCallState } from './call-store';
import { questionScript } from './question-script';
import { ScriptLine } from './script-line';

type Answer = OperationInput<'answerQuestion'>['answer'];

/** After this long without an answer the agent is told the API is slow (and that nothing is sent twice). */
const slowAfterMs = 2000;

/**
 * One question: the script line in the call language, an input that fits the answer format, "doesn't
 * know" on Alt+D / F8, Enter to send. Mounted per question (keyed by its id), so focus lands in the
 * fresh input. Says nothing about whether an answer was right: the API does not say either.
 */
export function QuestionStep({ view, question, onView }: { view: VerificationView; question: QuestionView; onView: (view: VerificationView) => void }) {
  const { t, i18n } = useTranslation();
  const api = useConsoleApi();
  const callT = i18n.getFixedT(view.callLanguage);
  // The typed text lives in the call store (it survives leaving the page); the form mirrors it.
  const draft = useCallState().drafts[question.id] ?? '';
  const format = question.answerFormat;
  const schema = useMemo(
    () =>
      z.object({ text: z.string() }).superRefine((values, ctx) => {
        const found = answerProblem(format, values.text);
        if (found) ctx.addIssue({ code: 'custom', path: ['text'], message: found });
      }),
    [format],
  );
  // Checked on submit only; a change clears the problem (below) rather than re-checking half an answer.
  const form = useZodForm(schema, { defaultValues: { text: draft }, reValidateMode: 'onSubmit' });
  const problem = (form.formState.errors.text?.message as AnswerMessageKey | undefined) ?? null;
  const [slow, setSlow] = useState(false);
  // The answer of the last send, kept with its failure so Retry (or the banner's) resends the same one.
  const [lastAnswer, setLastAnswer] = useState<Answer | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const id = useId();
  const scriptId = `${id}-script`;
  const inputId = `${id}-answer`;

  // One answer in flight (useApiMutation's ref: Enter pressed twice before React re-renders sends once).
  const sending = useApiMutation(async (answer: Answer) => {
    setLastAnswer(answer);
    const slowTimer = setTimeout(() => setSlow(true), slowAfterMs);
    try {
      // Safe to repeat after a lost response: the API answers a repeated questionId without scoring twice.
      return await api.answerQuestion({ id: view.id, questionId: question.id, answer });
    } finally {
      clearTimeout(slowTimer);
      setSlow(false);
    }
  });
  const pending = sending.pending;
  const failure = sending.error && lastAnswer ? { error: sending.error, answer: lastAnswer } : null;

  const send = async (answer: Answer) => {
    const next = await sending.run(answer);
    if (next) {
      callStore.setView(next);
      onView(next);
    }
    inputRef.current?.focus();
  };

  // During an outage the connection banner's Retry also resends this answer: one action, not two.
  const { problem: connectionProblem, addPendingRetry } = useHealth();
  const unsent = failure && (failure.error.code === errorCodes.unreachable || failure.error.code === errorCodes.unavailable) ? failure.answer : null;
  const resend = useEffectEvent(() => {
    if (unsent) void send(unsent);
  });
  useEffect(() => (unsent ? addPendingRetry(() => resend()) : undefined), [unsent, addPendingRetry]);

  const dontKnow = () => {
    form.clearErrors('text');
    void send({ kind: 'dont_know' });
  };
  const onDontKnowKey = useEffectEvent(dontKnow);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModalOpen()) return;
      if (isAltKey(event, 'd') || event.key === 'F8') {
        event.preventDefault();
        onDontKnowKey();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const progress = t('call.question.progress', { number: question.number, max: view.progress.maxQuestions });

  return (
    <Paper variant="outlined" component="section" aria-labelledby={`${id}-progress`} sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2.5}>
        <Box>
          <Typography variant="h2" id={`${id}-progress`} sx={{ mb: 1 }}>
            {progress}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.min(100, (view.progress.answered / view.progress.maxQuestions) * 100)}
            aria-hidden
          />
        </Box>
        {view.notices.includes('name_address_protection') ? (
          <Alert severity="warning">{t('call.question.protection')}</Alert>
        ) : null}
        <ScriptLine id={scriptId} language={view.callLanguage}>
          {questionScript(callT, question)}
        </ScriptLine>
        <Form form={form} onValid={(values) => send({ kind: 'text', text: values.text.trim() })} spacing={2}>
          <Controller
            control={form.control}
            name="text"
            render={({ field }) => (
              <TextField
                id={inputId}
                label={t(`call.question.formats.${format}`)}
                name={field.name}
                value={field.value}
                onChange={(event) => {
                  field.onChange(event.target.value);
                  callStore.setDraft(question.id, event.target.value);
                  if (problem) form.clearErrors('text');
                }}
                onBlur={field.onBlur}
                autoFocus
                fullWidth
                error={problem !== null}
                helperText={problem ? t(problem) : t(`call.question.hints.${format}`)}
                inputRef={(node: HTMLInputElement | null) => {
                  inputRef.current = node;
                  field.ref(node);
                }}
                slotProps={{
                  htmlInput: {
                    // Read the question when focus lands, then the hint or the problem.
                    'aria-describedby': `${scriptId} ${inputId}-helper-text`,
                    autoComplete: 'off',
                    spellCheck: false,
                    // Not disabled: focus must stay here while the answer is on its way.
                    readOnly: pending,
                    maxLength: maxAnswerLength + 50,
                    inputMode: format === 'year' ? 'numeric' : 'text',
                  },
                }}
              />
            )}
          />
          {failure ? (
            <Alert
              severity="error"
              role="alert"
              action={
                // While the banner is up, its Retry resends this answer too: no second button.
                unsent && connectionProblem ? undefined : (
                  <Button color="inherit" size="small" disabled={pending} onClick={() => void send(failure.answer)}>
                    {t('call.failed.retry')}
                  </Button>
                )
              }
            >
              {unsent && connectionProblem
                ? t('call.failed.unreachableBanner')
                : failure.error.code === errorCodes.unreachable
                ? t('call.failed.unreachable')
                : `${describeApiError(t, failure.error)} ${t('call.failed.kept')}`}
            </Alert>
          ) : null}
          {pending ? (
            <Typography role="status" color="text.secondary">
              {slow ? t('call.question.slow') : t('call.question.sending')}
            </Typography>
          ) : null}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button type="submit" variant="contained" size="large" disabled={pending} aria-keyshortcuts="Enter" endIcon={<Kbd decorative>Enter</Kbd>}>
              {t('call.question.submit')}
            </Button>
            <Button variant="outlined" size="large" disabled={pending} onClick={() => dontKnow()} aria-keyshortcuts="Alt+D F8" endIcon={<Kbd decorative>Alt+D</Kbd>}>
              {t('call.question.dontKnow')}
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('call.question.noFeedback')}
          </Typography>
        </Form>
      </Stack>
    </Paper>
  );
}
