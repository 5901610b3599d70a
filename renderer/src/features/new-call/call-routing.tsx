import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../shared/api/index';
import { routesFor } from './routing';
import { ScriptLine } from './script-line';

/** Where else the caller can get help, each with the line to read (in the call language). */
export function CallRouting({ view }: { view: VerificationView }) {
  const { t, i18n } = useTranslation();
  const callT = i18n.getFixedT(view.callLanguage);
  const routes = routesFor(view);
  if (routes.length === 0) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="routing-title" sx={{ p: 2 }}>
      <Typography id="routing-title" variant="h3" sx={{ fontSize: '1.125rem', fontWeight: 600, mb: 1.5 }}>
        {t('call.routing.title')}
      </Typography>
      <Stack spacing={2} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {routes.map((route) => (
          <Stack component="li" key={route} spacing={1} data-route={route}>
            <Typography sx={{ fontWeight: 600 }}>{t(`call.routing.${route}.when`)}</Typography>
            <Typography color="text.secondary">{t(`call.routing.${route}.agent`)}</Typography>
            <ScriptLine language={view.callLanguage}>{callT(`script.routing.${route}`)}</ScriptLine>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
