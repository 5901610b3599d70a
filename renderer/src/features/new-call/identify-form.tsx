import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../../shared/api/api-error';
import type { MyVerification, VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { CprField } from '../../components/cpr-field';
import { Form, useZodForm } from '../../components/form';
import { RadioRow } from '../../components/radio-row';
import { callStore, useCallState } from './call-store';
import {
  cprDatePart,
  emptyIdentify,
  identifySchema,
  toStartInput,
  type IdentifyMessageKey,
  type IdentifyValues,
} from './identify-schema';
import { callsInProgress, callTime, openCallForSamePerson } from './open-call-offer';
import { ScriptLine } from './script-line';

/** Step 1: CPR number or MitID user ID, document, call language. Starts the verification. */
export function IdentifyForm({
  onStarted,
  openCalls = [],
  onResume,
}: {
  onStarted: (view: VerificationView) => void;
  /** The agent's calls in progress: a start for what looks like the same person asks first. null: not loaded yet. */
  openCalls?: MyVerification[] | null;
  onResume?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // The open call this start would duplicate, once the agent has been warned; "Start anyway" clears it.
  const [duplicate, setDuplicate] = useState<{ call: MyVerification; values: IdentifyValues } | null>(null);
  const api = useConsoleApi();
  const form = useZodForm(identifySchema, { defaultValues: callStore.get().identify ?? emptyIdentify });
  const {
    control,
    register,
    setFocus,
    trigger,
    getValues,
    formState: { errors, isSubmitted },
  } = form;
  const [claimKind, documentType, callLanguage] = useWatch({ control, name: ['claimKind', 'documentType', 'callLanguage'] });
  const callT = i18n.getFixedT(callLanguage);

  // What is typed survives leaving the page (My calls, the lock, a sign-in): keep it in memory.
  useEffect(() => () => callStore.setIdentify(getValues()), [getValues]);

  // The number's rule depends on the document type: re-check once the agent has tried to submit.
  useEffect(() => {
    if (isSubmitted) void trigger('documentNumber');
  }, [documentType, isSubmitted, trigger]);

  // Started: the page moves on to the question, but its URL change is a router transition that React
  // renders after this form's own "no longer pending". Until the form is gone it stays locked: typing
  // would be lost, and Enter would start a second call for the same person. (Tied to the call: a reset,
  // Alt+N before the switch, frees the form again.)
  const [startedId, setStartedId] = useState<string | null>(null);
  const currentId = useCallState().view?.id;
  const started = startedId !== null && currentId === startedId;
  // One start at a time (useApiMutation's ref: a second Enter in the same tick must see the first one),
  // the same-person check included. A second call for the same person is only started once the agent has
  // been warned ("Start anyway": confirmed).
  const starting = useApiMutation(async (values: IdentifyValues, confirmed: boolean) => {
    const cpr = values.claimKind === 'cpr' ? values.cpr : null;
    if (!confirmed && cpr !== null) {
      // Just after sign-in the open calls may not be in yet: ask for them first, so a second call for the
      // same person is never started unasked. If that fails the start goes ahead (a warning, not a rule).
      const calls = openCalls ?? (await api.listMyVerifications({}).then((page) => callsInProgress(page.items), () => []));
      const same = openCallForSamePerson(calls, cpr);
      if (same) {
        setDuplicate({ call: same, values });
        return;
      }
    }
    setDuplicate(null);
    try {
      // A screen-popped call carries the phone system's call ID (and the number, which the API only classifies).
      const { phoneCall } = callStore.get();
      const view = await api.startVerification({ ...toStartInput(values), ...(phoneCall ? { phoneCall } : {}) });
      callStore.setView(view);
      setStartedId(view.id);
      onStarted(view);
    } catch (error) {
      callStore.setIdentify(values);
      throw error;
    }
  });
  const failure = starting.error;
  const start = async (values: IdentifyValues, confirmed = false) => {
    if (!started) await starting.run(values, confirmed);
  };

  const message = (key: keyof IdentifyValues) => {
    const code = errors[key]?.message as IdentifyMessageKey | undefined;
    if (!code) return undefined;
    const cpr = getValues('cpr');
    return t(code, { count: cpr.replace(/\D/g, '').length, date: cprDatePart(cpr) });
  };

  // Enter on a radio button submits too: the agent never needs the mouse.
  const submitOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const userId = register('userId');
  const documentNumber = register('documentNumber');
  // Own state, not isSubmitting: a refused second submit would clear that while the first still runs.
  const busy = starting.pending || started;

  return (
    <Paper variant="outlined" component="section" aria-labelledby="identify-title" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2.5}>
        <Typography variant="h2" id="identify-title">
          {t('call.identify.title')}
        </Typography>
        <ScriptLine language={callLanguage}>{callT('script.identify')}</ScriptLine>
        {/* Two columns from md up (who | which document), so the whole step and its errors fit a 1366×768
            screen without scrolling; one column below. DOM order (= tab order) is the reading order. */}
        <Form
          form={form}
          onValid={(values) => start(values)}
          onKeyDown={submitOnEnter}
          aria-labelledby="identify-title"
          sx={{
            display: 'grid',
            gap: 2,
            columnGap: 4,
            gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
            gridTemplateAreas: {
              xs: '"lang" "claim" "who" "doctype" "docnum" "submit"',
              md: '"lang lang" "claim doctype" "who docnum" "submit submit"',
            },
            alignItems: 'start',
          }}
        >
          <Box sx={{ gridArea: 'lang' }}>
            <Controller
              control={control}
              name="callLanguage"
              render={({ field }) => (
                <RadioRow
                  label={t('call.identify.callLanguage')}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  disabled={busy}
                  options={[
                    { value: 'da', label: t('language.da'), lang: 'da' },
                    { value: 'en', label: t('language.en'), lang: 'en' },
                  ]}
                />
              )}
            />
          </Box>
          <Box sx={{ gridArea: 'claim' }}>
            <Controller
              control={control}
              name="claimKind"
              render={({ field }) => (
                <RadioRow
                  label={t('call.identify.claimKind')}
                  name={field.name}
                  value={field.value}
                  disabled={busy}
                  onChange={(next) => {
                    field.onChange(next);
                    // Straight on to the field that appeared.
                    setTimeout(() => setFocus(next === 'cpr' ? 'cpr' : 'userId'));
                  }}
                  options={[
                    { value: 'cpr', label: t('call.identify.claimCpr') },
                    { value: 'userId', label: t('call.identify.claimUserId') },
                  ]}
                />
              )}
            />
          </Box>
          <Box sx={{ gridArea: 'who' }}>
            {claimKind === 'cpr' ? (
              <Controller
                control={control}
                name="cpr"
                render={({ field }) => (
                  <CprField
                    label={t('call.identify.cpr')}
                    required
                    autoFocus
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    name={field.name}
                    inputRef={field.ref}
                    error={Boolean(errors.cpr)}
                    helperText={message('cpr') ?? t('call.identify.cprHint')}
                    slotProps={{ htmlInput: { readOnly: busy } }}
                    sx={{ maxWidth: 360, width: '100%' }}
                  />
                )}
              />
            ) : (
              <TextField
                label={t('call.identify.userId')}
                required
                autoFocus
                name={userId.name}
                onChange={userId.onChange}
                onBlur={userId.onBlur}
                inputRef={userId.ref}
                error={Boolean(errors.userId)}
                helperText={message('userId') ?? t('call.identify.userIdHint')}
                slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false, autoComplete: 'off', readOnly: busy, maxLength: 60 } }}
                sx={{ maxWidth: 480, width: '100%' }}
              />
            )}
          </Box>
          <Box sx={{ gridArea: 'doctype' }}>
            <Controller
              control={control}
              name="documentType"
              render={({ field }) => (
                <RadioRow
                  label={t('call.identify.documentType')}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  disabled={busy}
                  options={[
                    { value: 'passport', label: t('call.identify.passport') },
                    { value: 'driving_licence', label: t('call.identify.drivingLicence') },
                  ]}
                />
              )}
            />
          </Box>
          <TextField
            label={t('call.identify.documentNumber')}
            required
            name={documentNumber.name}
            onChange={documentNumber.onChange}
            onBlur={documentNumber.onBlur}
            inputRef={documentNumber.ref}
            error={Boolean(errors.documentNumber)}
            helperText={
              message('documentNumber') ??
              (documentType === 'passport' ? t('call.identify.passportHint') : t('call.identify.drivingLicenceHint'))
            }
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', spellCheck: false, readOnly: busy, maxLength: 20 } }}
            sx={{ maxWidth: 360, width: '100%', gridArea: 'docnum' }}
          />
          <Stack spacing={2} sx={{ gridArea: 'submit' }}>
            {duplicate ? (
              <Alert
                severity="warning"
                role="alert"
                action={
                  <Stack direction="row" spacing={1}>
                    {onResume ? (
                      <Button color="inherit" variant="outlined" size="small" onClick={() => onResume(duplicate.call.id)}>
                        {t('call.resume.resume')}
                      </Button>
                    ) : null}
                    <Button color="inherit" size="small" onClick={() => void start(duplicate.values, true)} disabled={busy}>
                      {t('call.resume.startAnyway')}
                    </Button>
                  </Stack>
                }
              >
                {t('call.resume.samePerson', { date: duplicate.call.maskedCpr?.slice(0, 6) ?? '', time: callTime(duplicate.call.startedAt, i18n.language) })}
              </Alert>
            ) : null}
            {failure ? (
              <Alert
                severity="error"
                role="alert"
                action={
                  <Button type="submit" color="inherit" size="small" disabled={busy}>
                    {t('call.failed.retry')}
                  </Button>
                }
              >
                {failure.code === errorCodes.unreachable ? t('call.failed.unreachableStart') : describeApiError(t, failure)}
              </Alert>
            ) : null}
            <Box>
              <Button type="submit" variant="contained" size="large" disabled={busy}>
                {busy ? t('call.identify.submitting') : t('call.identify.submit')}
              </Button>
            </Box>
          </Stack>
        </Form>
      </Stack>
    </Paper>
  );
}
