import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { cosignQueueText } from '../../app/i18n/cosign-queue-text';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { usePolledQuery } from '../../app/use-polled-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { CosignRequestCard } from './cosign-request-card';

/** How often the queue asks for new requests: a new one shows within this plus one round trip (< 2 s). */
export const cosignQueuePollMs = 1_000;

/** Supervisor: the live queue of codes waiting for co-sign, oldest first. */
export function CosignQueuePage() {
  const { t } = useSupervisorCatalogue();
  const tc = cosignQueueText(t);
  const queue = usePolledQuery('cosign-queue', (api) => api.listCosignQueue({}), cosignQueuePollMs);
  const [done, setDone] = useState<string | null>(null);
  const items = queue.data?.items;

  return (
    <Page title={t('nav.cosign')}>
      <Typography color="text.secondary">{tc('intro')}</Typography>
      {done ? (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      ) : null}
      {queue.error ? <ApiErrorAlert error={queue.error} onRetry={queue.refresh} /> : null}
      {!items && !queue.error ? <CircularProgress aria-label={t('app.loading')} /> : null}
      {items && items.length === 0 ? <Typography role="status">{tc('empty')}</Typography> : null}
      {items && items.length > 0 ? (
        <Stack spacing={2} component="section" aria-live="polite" aria-label={t('nav.cosign')}>
          {items.map((r) => (
            <CosignRequestCard
              key={r.verificationId}
              request={r}
              onDecided={(message) => {
                setDone(message);
                queue.refresh();
              }}
            />
          ))}
        </Stack>
      ) : null}
    </Page>
  );
}
