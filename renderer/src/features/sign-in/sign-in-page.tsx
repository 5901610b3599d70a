import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/index';
import { errorCodes } from '../../../../shared/api/api-error';
import { useAuth } from '../../app/auth';
import { useDesktopSettings } from '../../app/desktop-settings';
import { useHealth } from '../../app/health';
import { toApiError } from '../../app/use-api-query';
import { describeApiError } from '../../components/api-error-alert';
import { signInSchema, type SignInMessageKey, type SignInValues } from './sign-in-schema';

/** Sign-in failures get their own words: they are about the account, not the connection. */
function signInFailure(t: ReturnType<typeof useTranslation>['t'], error: ApiError): string {
  if (error.code === errorCodes.invalidCredentials) return t('signIn.failed.invalidCredentials');
  // The server may name a lock 'locked' or 'account_locked'; both mean the same to the agent.
  if (error.code === 'locked' || error.code === 'account_locked') return t('signIn.failed.locked');
  return describeApiError(t, error);
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  const { health } = useHealth();
  const desktop = useDesktopSettings();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { username: '', password: '' } });

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.productName')}`;
  }, [t]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(values.username, values.password);
    } catch (error) {
      setFailure(toApiError(error));
      resetField('password');
      setFocus('password');
    }
  });

  const fieldError = (key: keyof SignInValues) => {
    const message = errors[key]?.message;
    return message ? t(message as SignInMessageKey) : undefined;
  };
  const username = register('username');
  const password = register('password');

  return (
    <Stack sx={{ alignItems: 'center', py: 5 }}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 440 }}>
        <Stack component="form" spacing={2.5} noValidate onSubmit={onSubmit} aria-labelledby="sign-in-title">
          <Typography variant="h1" id="sign-in-title">
            {t('signIn.title')}
          </Typography>
          <Typography color="text.secondary">{t('signIn.intro')}</Typography>
          {state.endReason === 'expired' ? <Alert severity="info" role="status">{t('signIn.sessionExpired')}</Alert> : null}
          {desktop?.training ? <Alert severity="warning" variant="outlined" role="note">{t('signIn.training')}</Alert> : null}
          {health?.sandbox ? <Alert severity="info" variant="outlined" role="note">{t('signIn.demoHint')}</Alert> : null}
          {failure ? (
            <Alert severity="error" role="alert">
              {signInFailure(t, failure)}
            </Alert>
          ) : null}
          <TextField
            label={t('signIn.username')}
            autoComplete="username"
            autoFocus
            required
            error={Boolean(errors.username)}
            helperText={fieldError('username')}
            name={username.name}
            onChange={username.onChange}
            onBlur={username.onBlur}
            inputRef={username.ref}
            slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            required
            error={Boolean(errors.password)}
            helperText={fieldError('password')}
            name={password.name}
            onChange={password.onChange}
            onBlur={password.onBlur}
            inputRef={password.ref}
          />
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
