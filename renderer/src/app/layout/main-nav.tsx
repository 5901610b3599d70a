import { lazy, Suspense } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '../../../../shared/api/index';
import { useHealth } from '../health';
import { screens } from '../screens';

// Supervisors only: the badge (MUI Badge, its polling) loads with their menu, not in every console's first load.
const CosignBadge = lazy(() => import('./cosign-badge').then((m) => ({ default: m.CosignBadge })));

/** The signed-in user's screens as links; NavLink marks the open one with aria-current="page". */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { health } = useHealth();
  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      // A narrow window (the trainer's, beside a call) wraps the links onto a second row, never overlaps them.
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, px: 2, py: 0.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      {screens
        .filter((s) => s.role === role && !s.hidden && (!s.sandboxOnly || health?.sandbox === true))
        .map((s) => (
          <Button
            key={s.path}
            component={NavLink}
            to={s.path}
            color="inherit"
            sx={{
              px: 1.5,
              flexShrink: 0,
              whiteSpace: 'nowrap',
              borderRadius: 1,
              color: 'text.secondary',
              borderBottom: '3px solid transparent',
              borderBottomLeftRadius: 0,
              borderBottomRightRadius: 0,
              // The open screen must be obvious at once, not after a colour fade.
              transition: 'none',
              '&[aria-current="page"]': {
                color: 'primary.main',
                borderBottomColor: 'primary.main',
                bgcolor: 'action.selected',
              },
            }}
          >
            {t(`nav.${s.navKey}`)}
            {s.navKey === 'cosign' ? (
              <Suspense fallback={null}>
                <CosignBadge />
              </Suspense>
            ) : null}
          </Button>
        ))}
    </Box>
  );
}
