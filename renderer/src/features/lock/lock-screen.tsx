import LockOutlined from '@mui/icons-material/LockOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../../shared/api/api-error';
import type { ApiError, SessionInfo } from '../../../../shared/api/index';
import { useAuth } from '../../app/auth';
import { useConsoleApi } from '../../app/console-api-context';
import { useAgentCatalogue } from '../../app/i18n/agent-catalogue';
import { toApiError } from '../../app/use-api-query';
import { describeApiError } from '../../components/api-error-alert';
import { writeLocked, type LockReason } from './lock-state';

/**
 * The locked console: a full-screen modal over the (still mounted) screens, so nothing behind it shows
 * or takes focus. Only the password (unlockSession) or signing out leads away.
 */
export function LockScreen({ session, reason, onUnlocked }: { session: SessionInfo; reason: LockReason; onUnlocked: () => void }) {
  useAgentCatalogue();
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { signOut } = useAuth();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<'required' | 'wrong' | ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (password === '') {
      setProblem('required');
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      await api.unlockSession({ password });
      writeLocked(null);
      onUnlocked();
    } catch (error) {
      const apiError = toApiError(error);
      // Too many wrong passwords end the session: the shell then sends the user to sign in (and back).
      if (apiError.code === errorCodes.unauthenticated) writeLocked(null);
      setProblem(apiError.code === errorCodes.invalidCredentials ? 'wrong' : apiError);
      setPassword('');
      setPending(false);
    }
  };

  const message =
    problem === 'required'
      ? t('lock.passwordRequired')
      : problem === 'wrong'
        ? t('lock.wrongPassword')
        : problem
          ? describeApiError(t, problem)
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
        <Stack component="form" noValidate onSubmit={unlock} spacing={2.5} sx={{ width: '100%', maxWidth: 420 }}>
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
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={problem === 'required' || problem === 'wrong'}
            slotProps={{ htmlInput: { readOnly: pending } }}
          />
          <Button type="submit" variant="contained" size="large" disabled={pending}>
            {pending ? t('lock.unlocking') : t('lock.unlock')}
          </Button>
          <Button
            variant="text"
            disabled={pending}
            onClick={() => {
              writeLocked(null);
              void signOut();
            }}
          >
            {t('lock.signOut')}
          </Button>
        </Stack>
      </Stack>
    </Dialog>
  );
}
