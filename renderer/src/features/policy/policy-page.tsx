import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Controller, type FieldError } from 'react-hook-form';
import type { EditablePolicy } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { policyCosignText, type PolicyCosignKey } from '../../app/i18n/policy-cosign-text';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { TimeInput } from '../../components/date-time-inputs';
import { Form, useZodForm } from '../../components/form';
import { Page } from '../../components/page';
import { formatDateTime } from '../../components/review-format';
import { cosignNumberFields, cosignSwitches, numberFields, policyFormSchema, type NumberField, type PolicyFormValues } from './policy-form-schema';

/** Supervisor: the policy, with a reason for every change. */
export function PolicyPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const state = useApiQuery('policy', (a) => a.getPolicy({}));
  const [saved, setSaved] = useState(false);
  if (state.status === 'loading') return <Page title={t('nav.policy')}><CircularProgress aria-label={t('app.loading')} /></Page>;
  if (state.status === 'error') return <Page title={t('nav.policy')}><ApiErrorAlert error={state.error} onRetry={state.reload} /></Page>;
  const { updatedAt, updatedBy } = state.data;
  return (
    <Page title={t('nav.policy')}>
      <Typography>{t('policyScreen.intro')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {updatedAt ? t('policyScreen.lastChanged', { time: formatDateTime(updatedAt, i18n.language), name: updatedBy?.displayName ?? updatedBy?.id ?? '' }) : t('policyScreen.neverChanged')}
      </Typography>
      {saved ? <Alert severity="success" role="status" onClose={() => setSaved(false)}>{t('policyScreen.saved')}</Alert> : null}
      <PolicyForm
        key={updatedAt ?? 'default'}
        initial={state.data.policy}
        onSaved={() => {
          setSaved(true);
          state.reload();
        }}
      />
    </Page>
  );
}

export function PolicyForm({ initial, onSaved }: { initial: EditablePolicy; onSaved: () => void }) {
  const { t } = useSupervisorCatalogue();
  const tc = policyCosignText(t);
  const api = useConsoleApi();
  const form = useZodForm(policyFormSchema, { defaultValues: { policy: initial, reason: '' } });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const saving = useApiMutation(async (values: PolicyFormValues) => {
    await api.updatePolicy(values);
    onSaved();
  });
  const failure = saving.error;

  const fieldError = (f: NumberField): FieldError | undefined => (errors.policy?.[f.section] as Record<string, FieldError> | undefined)?.[f.key];
  const numberMessage = (f: NumberField) => {
    const error = fieldError(f);
    if (!error) return t('policyScreen.range', { min: f.min, max: f.max });
    if (f.key === 'minCorrect' && error.type === 'custom') return t('policyScreen.minCorrectTooHigh');
    if (f.key === 'minPrivateCorrect' && error.type === 'custom') return t('policyScreen.minPrivateCorrectTooHigh');
    if (f.key === 'maxAcquaintanceQuestions' && error.type === 'custom') return t('policyScreen.maxAcquaintanceTooHigh');
    return t('policyScreen.outOfRange', { min: f.min, max: f.max });
  };
  const sectionFields = (section: NumberField['section']) =>
    (section === 'cosign' ? cosignNumberFields : numberFields)
      .filter((f) => f.section === section)
      .map((f) => {
        const label = section === 'cosign' ? tc(`fields.${f.key}` as PolicyCosignKey) : t(`policyScreen.fields.${f.key}` as 'policyScreen.fields.length');
        const reg = register(`policy.${f.section}.${f.key}` as 'policy.codes.length', { valueAsNumber: true });
        return (
          <TextField
            key={f.key}
            label={label}
            type="number"
            size="small"
            error={Boolean(fieldError(f))}
            helperText={numberMessage(f)}
            name={reg.name}
            onChange={reg.onChange}
            onBlur={reg.onBlur}
            inputRef={reg.ref}
            slotProps={{ htmlInput: { min: f.min, max: f.max, step: 1 } }}
            sx={{ width: 280 }}
          />
        );
      });
  const group = (title: string, children: ReactNode) => (
    <Paper variant="outlined" component="fieldset" sx={{ p: 2, m: 0 }}>
      <Typography component="legend" variant="h2" sx={{ fontSize: '1.1rem', fontWeight: 600, px: 0.5 }}>
        {title}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, mt: 1 }}>
        {children}
      </Stack>
    </Paper>
  );
  const reason = register('reason');
  const cosignSection = (
    <Paper variant="outlined" component="fieldset" sx={{ p: 2, m: 0 }}>
      <Typography component="legend" variant="h2" sx={{ fontSize: '1.1rem', fontWeight: 600, px: 0.5 }}>
        {tc('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {tc('intro')}
      </Typography>
      <Stack sx={{ mt: 1 }}>
        {cosignSwitches.map((key) => (
          <Controller
            key={key}
            control={control}
            name={`policy.cosign.${key}`}
            render={({ field }) => (
              <FormControlLabel
                label={tc(`fields.${key}`)}
                control={<Checkbox name={field.name} checked={field.value} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} slotProps={{ input: { ref: field.ref } }} />}
              />
            )}
          />
        ))}
      </Stack>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, mt: 2 }}>
        {sectionFields('cosign')}
      </Stack>
    </Paper>
  );

  return (
    <Form form={form} onValid={saving.run} spacing={2} aria-label={t('nav.policy')}>
      {group(t('policyScreen.verification'), sectionFields('verification'))}
      {group(t('policyScreen.codes'), sectionFields('codes'))}
      {group(t('policyScreen.session'), sectionFields('session'))}
      {group(
        t('policyScreen.watch'),
        <>
          <Controller
            control={control}
            name="policy.watch.openingHoursStart"
            render={({ field }) => (
              <TimeInput label={t('policyScreen.fields.openingHoursStart')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={Boolean(errors.policy?.watch?.openingHoursStart)} helperText={errors.policy?.watch?.openingHoursStart ? t('policyScreen.invalidTime') : ' '} />
            )}
          />
          <Controller
            control={control}
            name="policy.watch.openingHoursEnd"
            render={({ field }) => (
              <TimeInput label={t('policyScreen.fields.openingHoursEnd')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={Boolean(errors.policy?.watch?.openingHoursEnd)} helperText={errors.policy?.watch?.openingHoursEnd ? (errors.policy.watch.openingHoursEnd.type === 'custom' ? t('policyScreen.closesBeforeOpens') : t('policyScreen.invalidTime')) : ' '} />
            )}
          />
        </>,
      )}
      {cosignSection}
      <TextField
        label={t('policyScreen.reason')}
        required
        multiline
        minRows={2}
        name={reason.name}
        onChange={reason.onChange}
        onBlur={reason.onBlur}
        inputRef={reason.ref}
        error={Boolean(errors.reason)}
        helperText={errors.reason ? t('review.reasonTooShort', { min: 10 }) : t('review.reasonHelp', { min: 10 })}
      />
      {failure ? <ApiErrorAlert error={failure} /> : null}
      <Button type="submit" variant="contained" disabled={saving.pending} sx={{ alignSelf: 'flex-start' }}>
        {saving.pending ? t('policyScreen.saving') : t('policyScreen.save')}
      </Button>
    </Form>
  );
}
