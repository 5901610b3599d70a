import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { VerificationView } from '../../../../shared/api/index';
import { abortNoteSchema, abortReasonSchema } from '../../../../shared/api/operations/verification';
import { useConsoleApi } from '../../app/console-api-context';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';
import { RadioRow } from '../../components/radio-row';
import { callStore } from './call-store';

// The contract's own rules for the reason and the note.
const abortSchema = z.object({ reason: abortReasonSchema, note: abortNoteSchema });

/** Ends the verification early with a reason (and an optional note without personal data). */
export function AbortDialog({
  verificationId,
  open,
  onClose,
  onAborted,
}: {
  verificationId: string;
  open: boolean;
  onClose: () => void;
  onAborted: (view: VerificationView) => void;
}) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const form = useZodForm(abortSchema, { mode: 'onChange', defaultValues: { reason: 'caller_hung_up', note: '' } });
  const abort = useApiMutation(async ({ reason, note }: z.output<typeof abortSchema>) => {
    const view = await api.abortVerification({ id: verificationId, reason, ...(note ? { note } : {}) });
    callStore.setView(view);
    onAborted(view);
  });
  const { pending, error: failure } = abort;
  const noteTooLong = form.formState.errors.note !== undefined;

  return (
    <Dialog open={open} onClose={pending ? undefined : onClose} aria-labelledby="abort-title" maxWidth="sm" fullWidth>
      <Form form={form} onValid={(values) => abort.run(values)}>
        <DialogTitle id="abort-title">{t('call.abort.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography>{t('call.abort.intro')}</Typography>
            <Controller
              control={form.control}
              name="reason"
              render={({ field }) => (
                <RadioRow
                  label={t('call.abort.reason')}
                  name="abort-reason"
                  value={field.value}
                  onChange={field.onChange}
                  disabled={pending}
                  options={abortReasonSchema.options.map((r) => ({ value: r, label: t(`call.abort.reasons.${r}`) }))}
                />
              )}
            />
            <TextField
              label={t('call.abort.note')}
              {...form.register('note')}
              multiline
              minRows={2}
              error={noteTooLong}
              helperText={noteTooLong ? t('call.abort.noteTooLong') : undefined}
              slotProps={{ htmlInput: { readOnly: pending } }}
            />
            {failure ? (
              <Alert severity="error" role="alert">
                {describeApiError(t, failure)}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending}>
            {t('call.abort.cancel')}
          </Button>
          <Button type="submit" color="error" variant="contained" disabled={pending || noteTooLong}>
            {t('call.abort.confirm')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
