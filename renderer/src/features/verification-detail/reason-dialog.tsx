import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMemo, type ReactNode } from 'react';
import { z } from 'zod';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';

/**
 * Asks for a reason before an action that the audit log must explain (reveal, revoke, flag). The
 * action runs only with a reason of at least `minLength` characters; its failure shows in the dialog.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  minLength: number;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useSupervisorCatalogue();
  const schema = useMemo(() => z.object({ reason: z.string().trim().min(props.minLength) }), [props.minLength]);
  // Checked from the first blur on, as the agent types.
  const form = useZodForm(schema, { mode: 'onTouched', defaultValues: { reason: '' } });
  const confirm = useApiMutation(async (reason: string) => {
    await props.onConfirm(reason);
    form.reset();
  });
  const tooShort = form.formState.errors.reason !== undefined;

  const close = () => {
    form.reset();
    confirm.reset();
    props.onClose();
  };

  return (
    <Dialog open={props.open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <Form form={form} onValid={(values) => confirm.run(values.reason)}>
        <DialogTitle id="reason-dialog-title">{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{props.body}</DialogContentText>
          {props.children}
          <TextField
            label={t('review.reasonLabel')}
            {...form.register('reason')}
            required
            fullWidth
            multiline
            minRows={2}
            autoFocus
            error={tooShort}
            helperText={tooShort ? t('review.reasonTooShort', { min: props.minLength }) : t('review.reasonHelp', { min: props.minLength })}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {confirm.error ? <ApiErrorAlert error={confirm.error} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('review.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={confirm.pending}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
