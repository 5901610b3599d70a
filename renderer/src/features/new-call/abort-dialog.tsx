import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbortReason, VerificationView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { RadioRow } from '../../components/radio-row';
import { callStore } from './call-store';

const maxNote = 500;
// The contract's abortReasonSchema options, as values (importing the schema would pull zod in here).
const abortReasons = ['caller_hung_up', 'suspected_fraud', 'other'] as const satisfies readonly AbortReason[];

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
  const [reason, setReason] = useState<AbortReason>('caller_hung_up');
  const [note, setNote] = useState('');
  const abort = useApiMutation(async () => {
    const trimmed = note.trim();
    const view = await api.abortVerification({ id: verificationId, reason, ...(trimmed ? { note: trimmed } : {}) });
    callStore.setView(view);
    onAborted(view);
  });
  const { pending, error: failure } = abort;
  const noteTooLong = note.trim().length > maxNote;

  const confirm = async () => {
    if (noteTooLong) return;
    await abort.run();
  };

  return (
    <Dialog open={open} onClose={pending ? undefined : onClose} aria-labelledby="abort-title" maxWidth="sm" fullWidth>
      <Stack
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <DialogTitle id="abort-title">{t('call.abort.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography>{t('call.abort.intro')}</Typography>
            <RadioRow
              label={t('call.abort.reason')}
              name="abort-reason"
              value={reason}
              onChange={setReason}
              disabled={pending}
              options={abortReasons.map((r) => ({ value: r, label: t(`call.abort.reasons.${r}`) }))}
            />
            <TextField
              label={t('call.abort.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
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
      </Stack>
    </Dialog>
  );
}
