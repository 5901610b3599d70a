import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorCodes } from '../../../../shared/api/api-error';
import type { SessionInfo } from '../../../../shared/api/index';
import { useAuth } from '../../app/auth';
import { useConsoleApi } from '../../app/console-api-context';
import { useAgentCatalogue } from '../../app/i18n/agent-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { toApiError } from '../../app/use-api-query';
import { describeApiError } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';
import { writeLocked, type LockReason } from './lock-state';

const unlockSchema = z.object({ password: z.string().min(1) });

/**
 * The locked console: a full-screen modal over the (still mounted) screens, so nothing behind it shows
 * or takes focus. Only the password (unlockSession) or signing out leads away.
 */
export function LockScreen({ session, reason, onUnlocked }: { session: SessionInfo; reason: LockReason; onUnlocked: () => void }) {
  useAgentCatalogue();
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { signOut } = useAuth();
  const form = useZodForm(unlockSchema, { defaultValues: { password: '' } });
  const unlock = useApiMutation(async ({ password }: z.output<typeof unlockSchema>) => {
    try {
      await api.unlockSession({ password });
    } catch (error) {
      form.reset();
      // Too many wrong passwords end the session: the shell then sends the user to sign in (and back).
      if (toApiError(error).code === errorCodes.unauthenticated) writeLocked(null);
      throw error;
    }
    writeLocked(null);
    onUnlocked();
  });
  const wrong = unlock.error?.code === errorCodes.invalidCredentials;
  const required = form.formState.errors.password !== undefined;
  const message = required
    ? t('lock.passwordRequired')
    : wrong
      ? t('lock.wrongPassword')
      : unlock.error
        ? describeApiError(t, unlock.error)
        : null;

  return (
    <Dialog
      open
      fullScreen
      // No way out but the password or signing out: Escape and backdrop clicks do nothing.
      onClose={() => undefined}
      aria-labelledby="lock-title"
      aria-describedby="lock-body"
      slotProps={{ paper: { sx: { bgcolor: 'background.default', backgroundImage: 'none' } } }}
    >
      <Stack sx={{ flexGrow: 1, alignItems: 'center', justifyContent: 'center', p: 3, overflowY: 'auto' }}>
        <Form form={form} onValid={(values) => unlock.run(values)} spacing={2.5} sx={{ width: '100%', maxWidth: 420 }}>
          <LockOutlined color="primary" sx={{ fontSize: 48, alignSelf: 'center' }} aria-hidden />
          <Typography variant="h1" id="lock-title" sx={{ textAlign: 'center' }}>
            {t('lock.title')}
          </Typography>
          <Typography id="lock-body" color="text.secondary" sx={{ textAlign: 'center' }}>
            {t(`lock.body.${reason}`)}
          </Typography>
          <Typography sx={{ textAlign: 'center', fontWeight: 600 }}>{t('lock.signedInAs', { name: session.user.displayName })}</Typography>
          {message ? (
            <Alert severity="error" role="alert">
              {message}
            </Alert>
          ) : null}
          <TextField
            label={t('lock.password')}
            type="password"
            autoComplete="current-password"
            autoFocus
            {...form.register('password')}
            error={required || wrong}
            slotProps={{ htmlInput: { readOnly: unlock.pending } }}
          />
          <Button type="submit" variant="contained" size="large" disabled={unlock.pending}>
            {unlock.pending ? t('lock.unlocking') : t('lock.unlock')}
          </Button>
          <Button
            variant="text"
            disabled={unlock.pending}
            onClick={() => {
              writeLocked(null);
              void signOut();
            }}
          >
            {t('lock.signOut')}
          </Button>
        </Form>
      </Stack>
    </Dialog>
  );
}
