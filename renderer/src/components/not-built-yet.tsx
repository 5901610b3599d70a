import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Page } from './page';

/** An honest stand-in for a screen that has not been built: replace the feature's page with the real one. */
export function NotBuiltYet({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title} actions={<Chip label={t('placeholder.badge')} color="warning" variant="outlined" />}>
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography>{t('placeholder.body')}</Typography>
      </Paper>
    </Page>
  );
}
