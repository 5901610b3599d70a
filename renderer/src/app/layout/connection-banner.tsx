import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { errorCodes } from '../../../../shared/api/api-error';
import { useHealth } from '../health';

/** Says plainly that the Support API cannot be used and why, with a Retry that asks getHealth again. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { problem, checking, retry } = useHealth();
  if (!problem) return null;
  const reason =
    problem.code === errorCodes.unreachable
      ? t('connection.unreachable')
      : problem.code === errorCodes.unavailable
        ? t('connection.unavailable')
        : t('connection.other', { message: problem.message });
  return (
    <Alert
      severity="error"
      variant="filled"
      role="alert"
      square
      action={
        <Button color="inherit" variant="outlined" size="small" onClick={retry} disabled={checking}>
          {checking ? t('connection.retrying') : t('connection.retry')}
        </Button>
      }
    >
      <AlertTitle>{t('connection.title')}</AlertTitle>
      {reason}
      {/* The shell's or server's own words (never personal data): what support staff need to fix it.
          For a shared API the shell names the failing step (certificate, proxy, DNS) for IT. */}
      {(problem.code === errorCodes.unavailable || problem.code === errorCodes.unreachable) && problem.message ? (
        <Typography variant="body2" sx={{ mt: 0.5, opacity: 0.9 }}>
          {t('connection.detail', { message: problem.message })}
        </Typography>
      ) : null}
    </Alert>
  );
}
