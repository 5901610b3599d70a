import Badge from '@mui/material/Badge';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../use-polled-query';

const pollMs = 2_000;

/** The number of codes waiting for co-sign, beside the menu entry (supervisors only). */
export function CosignBadge() {
  const { t } = useTranslation();
  const queue = usePolledQuery('cosign-badge', (api) => api.listCosignQueue({}), pollMs);
  const count = queue.data?.items.length ?? 0;
  return (
    <Badge
      badgeContent={count}
      color="error"
      invisible={count === 0}
      sx={{ ml: count > 0 ? 1.5 : 0, '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
      slotProps={{ badge: { role: 'status', 'aria-label': t('nav.cosignWaiting', { count }) } as object }}
    />
  );
}
