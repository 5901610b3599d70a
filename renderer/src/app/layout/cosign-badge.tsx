import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { usePolledQuery } from '../use-polled-query';

const pollMs = 2_000;
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * The number of codes waiting for co-sign, beside the menu entry (supervisors only). The count is part
 * of the link's name ("Co-sign, 2 waiting for co-sign"), not a live region: it changes every few seconds.
 */
export function CosignBadge() {
  const { t } = useTranslation();
  const queue = usePolledQuery('cosign-badge', (api) => api.listCosignQueue({}), pollMs);
  const count = queue.data?.items.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <Badge badgeContent={count} color="error" aria-hidden sx={{ ml: 1.5, '& .MuiBadge-badge': { position: 'static', transform: 'none' } }} />
      <Box component="span" sx={visuallyHidden}>
        {`, ${t('nav.cosignWaiting', { count })}`}
      </Box>
    </>
  );
}
