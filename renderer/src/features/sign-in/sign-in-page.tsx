import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/index';
import { errorCodes } from '../../../../shared/api/api-error';
import { useAuth } from '../../app/auth';
import { useDesktopSettings } from '../../app/desktop-settings';
import { useHealth } from '../../app/health';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';
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
  const form = useZodForm(signInSchema, { defaultValues: { username: '', password: '' } });
  const {
    register,
    setFocus,
    resetField,
    formState: { errors },
  } = form;
  // True once signed in, undefined when refused (the mutation keeps the failure).
  const signingIn = useApiMutation(async (values: SignInValues) => {
    await signIn(values.username, values.password);
    return true;
  });
  const failure = signingIn.error;

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.productName')}`;
  }, [t]);

  const onValid = async (values: SignInValues) => {
    if (await signingIn.run(values)) return;
    resetField('password');
    setFocus('password');
  };

  const fieldError = (key: keyof SignInValues) => {
    const message = errors[key]?.message;
    return message ? t(message as SignInMessageKey) : undefined;
  };
  const username = register('username');
  const password = register('password');

  return (
    <Stack sx={{ alignItems: 'center', py: 5 }}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 440 }}>
        <Form form={form} onValid={onValid} spacing={2.5} aria-labelledby="sign-in-title">
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
          <Button type="submit" variant="contained" size="large" disabled={signingIn.pending}>
            {signingIn.pending ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </Form>
      </Paper>
    </Stack>
  );
}
