import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorCodes, type ApiError } from '../../../shared/api/api-error';

/** A user-facing sentence for a failed call, in the current language. Never shows the server's raw text for known codes. */
export function describeApiError(t: TFunction, error: ApiError): string {
  switch (error.code) {
    case errorCodes.unreachable:
      return t('errors.unreachable');
    case errorCodes.unavailable:
      return t('errors.unavailable');
    case errorCodes.unauthenticated:
      return t('errors.unauthenticated');
    case errorCodes.forbidden:
      return t('errors.forbidden');
    case errorCodes.rateLimited:
      return t('errors.rateLimited');
    default:
      return t('errors.generic', { code: error.code });
  }
}

/** Shows a failed call as an alert (announced by screen readers), with an optional Retry button. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('connection.retry')}
          </Button>
        ) : undefined
      }
    >
      {describeApiError(t, error)}
    </Alert>
  );
}
