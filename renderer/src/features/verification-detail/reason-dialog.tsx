import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { ApiErrorAlert } from '../../components/api-error-alert';

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
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const confirm = useApiMutation(async (text: string) => {
    await props.onConfirm(text);
    setReason('');
    setTouched(false);
  });
  const tooShort = reason.trim().length < props.minLength;

  const close = () => {
    setReason('');
    setTouched(false);
    confirm.reset();
    props.onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (tooShort) return;
    await confirm.run(reason.trim());
  };

  return (
    <Dialog open={props.open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="reason-dialog-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="reason-dialog-title">{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{props.body}</DialogContentText>
          {props.children}
          <TextField
            label={t('review.reasonLabel')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onBlur={() => setTouched(true)}
            required
            fullWidth
            multiline
            minRows={2}
            autoFocus
            error={touched && tooShort}
            helperText={touched && tooShort ? t('review.reasonTooShort', { min: props.minLength }) : t('review.reasonHelp', { min: props.minLength })}
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
      </form>
    </Dialog>
  );
}
