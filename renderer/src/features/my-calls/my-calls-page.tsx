import Refresh from '@mui/icons-material/Refresh';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgentCatalogue } from '../../app/i18n/agent-catalogue';
import { useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { outcomeCategory } from '../../components/outcome-category';
import { Page } from '../../components/page';

const chipColor = { passed: 'success', refer: 'warning', notVerified: 'error', aborted: 'default', expired: 'default', inProgress: 'primary' } as const;

const cell = { textAlign: 'left', padding: '10px 12px', borderBottom: '1px solid', borderColor: 'inherit', verticalAlign: 'middle' } as const;

/** Agent: today's verifications with outcome and time; an unfinished one reopens where it stopped. */
export function MyCallsPage() {
  useAgentCatalogue();
  const { t, i18n } = useTranslation();
  const calls = useApiQuery('my-calls', (api) => api.listMyVerifications({}));
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

  return (
    <Page
      title={t('nav.myCalls')}
      actions={
        <Button variant="outlined" startIcon={<Refresh />} onClick={calls.reload} disabled={calls.status === 'loading'}>
          {t('myCalls.refresh')}
        </Button>
      }
    >
      <Typography color="text.secondary">{t('myCalls.intro')}</Typography>
      {calls.status === 'loading' ? <Typography role="status">{t('app.loading')}</Typography> : null}
      {calls.status === 'error' ? <ApiErrorAlert error={calls.error} onRetry={calls.reload} /> : null}
      {calls.status === 'success' && calls.data.items.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>{t('myCalls.empty')}</Typography>
        </Paper>
      ) : null}
      {calls.status === 'success' && calls.data.items.length > 0 ? (
        <Paper variant="outlined" sx={{ overflowX: 'auto', borderColor: 'divider', '& th, & td': { borderColor: 'divider' } }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
              {t('myCalls.caption')}
            </caption>
            <thead>
              <tr>
                {(['started', 'person', 'document', 'outcome', 'code', 'action'] as const).map((c) => (
                  <Typography key={c} component="th" scope="col" variant="subtitle2" sx={cell}>
                    {t(`myCalls.columns.${c}`)}
                  </Typography>
                ))}
              </tr>
            </thead>
            <tbody>
              {calls.data.items.map((call) => {
                const category = outcomeCategory(call.status, call.outcome);
                const started = time(call.startedAt);
                return (
                  <tr key={call.id}>
                    <Typography component="td" sx={{ ...cell, fontVariantNumeric: 'tabular-nums' }}>
                      {started}
                    </Typography>
                    <Typography component="td" sx={{ ...cell, fontFamily: 'ui-monospace, Consolas, monospace' }}>
                      {call.maskedCpr ?? t('myCalls.unknownPerson')}
                    </Typography>
                    <Typography component="td" sx={cell}>
                      {call.documentType === 'passport' ? t('call.identify.passport') : t('call.identify.drivingLicence')}
                    </Typography>
                    <Typography component="td" sx={cell}>
                      <Chip size="small" variant="outlined" color={chipColor[category]} label={t(`outcome.categories.${category}`)} />
                      {call.outcome && call.status !== 'in_progress' ? (
                        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                          {t(`outcome.reasons.${call.outcome}`)}
                        </Typography>
                      ) : null}
                    </Typography>
                    <Typography component="td" sx={cell}>
                      {t(`outcome.codeStatus.${call.codeStatus}`)}
                    </Typography>
                    <Typography component="td" sx={cell}>
                      <Button
                        component={Link}
                        to={`/call/new?id=${encodeURIComponent(call.id)}`}
                        size="small"
                        variant={call.status === 'in_progress' ? 'contained' : 'text'}
                        aria-label={t(call.status === 'in_progress' ? 'myCalls.resumeLabel' : 'myCalls.viewLabel', { time: started })}
                      >
                        {call.status === 'in_progress' ? t('myCalls.resume') : t('myCalls.view')}
                      </Button>
                    </Typography>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Paper>
      ) : null}
    </Page>
  );
}
