import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../../shared/api/api-error';
import type { ApiError, OperationInput, QuestionView, VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { toApiError } from '../../app/use-api-query';
import { describeApiError } from '../../components/api-error-alert';
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
  const text = useCallState().drafts[question.id] ?? '';
  const [problem, setProblem] = useState<AnswerMessageKey | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; answer: Answer } | null>(null);
  const [pending, setPending] = useState(false);
  const [slow, setSlow] = useState(false);
  // A ref, not state: Enter pressed twice before React re-renders must still send once.
  const inFlight = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const scriptId = `${id}-script`;
  const inputId = `${id}-answer`;

  const send = async (answer: Answer) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setFailure(null);
    const slowTimer = setTimeout(() => setSlow(true), slowAfterMs);
    try {
      // Safe to repeat after a lost response: the API answers a repeated questionId without scoring twice.
      const next = await api.answerQuestion({ id: view.id, questionId: question.id, answer });
      callStore.setView(next);
      onView(next);
    } catch (error) {
      // No 409 here: a repeated or raced answer is answered with the current state (answerQuestion).
      setFailure({ error: toApiError(error), answer });
    } finally {
      clearTimeout(slowTimer);
      inFlight.current = false;
      setPending(false);
      setSlow(false);
      inputRef.current?.focus();
    }
  };

  const submitText = (event?: FormEvent) => {
    event?.preventDefault();
    if (inFlight.current) return;
    const found = answerProblem(question.answerFormat, text);
    setProblem(found);
    if (found) {
      inputRef.current?.focus();
      return;
    }
    void send({ kind: 'text', text: text.trim() });
  };

  const dontKnow = () => {
    setProblem(null);
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
  const format = question.answerFormat;

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
        <Stack component="form" noValidate spacing={2} onSubmit={submitText}>
          <TextField
            id={inputId}
            label={t(`call.question.formats.${format}`)}
            value={text}
            onChange={(event) => {
              callStore.setDraft(question.id, event.target.value);
              if (problem) setProblem(null);
            }}
            autoFocus
            fullWidth
            error={problem !== null}
            helperText={problem ? t(problem) : t(`call.question.hints.${format}`)}
            inputRef={inputRef}
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
          {failure ? (
            <Alert
              severity="error"
              role="alert"
              action={
                <Button color="inherit" size="small" disabled={pending} onClick={() => void send(failure.answer)}>
                  {t('call.failed.retry')}
                </Button>
              }
            >
              {failure.error.code === errorCodes.unreachable
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
        </Stack>
      </Stack>
    </Paper>
  );
}
