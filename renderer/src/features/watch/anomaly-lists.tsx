import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { WatchStats } from '../../../../shared/api/index';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { formatDateTime } from '../../components/review-format';

function AnomalyTable({ title, help, head, rows }: { title: string; help?: string; head: string[]; rows: ReactNode[][] }) {
  const { t } = useSupervisorCatalogue();
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {title} ({rows.length})
      </Typography>
      {help ? <Typography variant="body2" color="text.secondary">{help}</Typography> : null}
      {rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t('watchScreen.noneFound')}
        </Typography>
      ) : (
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              {head.map((h) => (
                <TableCell key={h}>{h}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((cells, i) => (
              <TableRow key={i}>
                {cells.map((c, j) => (
                  <TableCell key={j}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

export function AnomalyLists({ stats }: { stats: WatchStats }) {
  const { t, i18n } = useSupervisorCatalogue();
  const lang = i18n.language;
  const a = stats.anomalies;
  const open = (id: string) => (
    <MuiLink component={Link} to={`/supervisor/verifications/${id}`}>
      {t('watchScreen.open')}
    </MuiLink>
  );
  return (
    <Stack spacing={2} component="section" aria-label={t('watchScreen.anomalies')}>
      <Typography variant="h2" sx={{ fontSize: '1.2rem', fontWeight: 600 }}>
        {t('watchScreen.anomalies')}
      </Typography>
      <AnomalyTable
        title={t('watchScreen.agentPassRate')}
        help={t('watchScreen.agentPassRateHelp')}
        head={[t('log.columns.agent'), t('watchScreen.passRate'), t('watchScreen.peerRate'), t('watchScreen.total'), t('watchScreen.zScore')]}
        rows={a.agentPassRate.map((r) => [r.agent.displayName, pct(r.passRate ?? 0), pct(r.peerRate), r.ended, r.zScore.toFixed(1)])}
      />
      <AnomalyTable
        title={t('watchScreen.repeatedPersons')}
        head={[t('log.columns.maskedCpr'), t('watchScreen.attempts'), t('watchScreen.agents'), t('watchScreen.lastAt'), '']}
        rows={a.repeatedPersons.map((p) => [p.maskedCpr ?? '—', p.attempts, p.agents, formatDateTime(p.lastAt, lang), open(p.lastVerificationId)])}
      />
      <AnomalyTable
        title={t('watchScreen.documentReuse')}
        head={[t('log.columns.maskedCpr'), t('watchScreen.persons'), t('watchScreen.lastAt'), '']}
        rows={a.documentReuse.map((d) => [d.maskedCpr ?? '—', d.persons ?? '—', formatDateTime(d.detectedAt, lang), open(d.verificationId)])}
      />
      <AnomalyTable
        title={t('watchScreen.offHoursCodes', { start: stats.openingHours.start, end: stats.openingHours.end })}
        head={[t('log.columns.agent'), t('detail.issuedAt'), '']}
        rows={a.offHoursCodes.map((c) => [c.agent.displayName, formatDateTime(c.issuedAt, lang), open(c.verificationId)])}
      />
      <AnomalyTable
        title={t('watchScreen.unredeemedCodes')}
        head={[t('log.columns.agent'), t('watchScreen.issued'), t('watchScreen.unredeemed'), t('watchScreen.peerRate')]}
        rows={a.unredeemedCodes.map((c) => [c.agent.displayName, c.issued, `${c.unredeemed} (${pct(c.rate)})`, pct(c.peerRate)])}
      />
    </Stack>
  );
}
