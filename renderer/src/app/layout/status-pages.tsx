import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import type { Role } from '../../../../shared/api/index';
import { Page } from '../../components/page';

export function SessionCheckPage() {
  const { t } = useTranslation();
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 6, justifyContent: 'center' }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{t('session.checking')}</Typography>
    </Box>
  );
}

/** While a screen's chunk loads on the first visit (a reload on #/supervisor/log): the frame stays, this fills it. */
export function ScreenLoadingPage() {
  const { t } = useTranslation();
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 6, justifyContent: 'center' }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{t('app.loading')}</Typography>
    </Box>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Typography>{t('notFound.body')}</Typography>
      <Box>
        <Button component={Link} to="/" variant="contained">
          {t('notFound.home')}
        </Button>
      </Box>
    </Page>
  );
}

export function ForbiddenPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <Typography>{t('forbidden.body', { role: t(`session.roles.${role}`) })}</Typography>
      <Box>
        <Button component={Link} to="/" variant="contained">
          {t('forbidden.home')}
        </Button>
      </Box>
    </Page>
  );
}

/** A screen threw while rendering or its lazy chunk failed to load: say so instead of a blank window. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Box sx={{ p: 4 }}>
      <Typography variant="h1" gutterBottom>
        {t('errors.generic', { code: error instanceof Error ? error.name : 'route' })}
      </Typography>
      <Button component={Link} to="/" variant="contained">
        {t('notFound.home')}
      </Button>
    </Box>
  );
}
