import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { AuditEventView, VerificationDetail } from '../../../../shared/api/index';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { actionLabel, actorLabel, eventDetail } from '../../components/audit-action-label';
import { formatDateTime, formatDecimal, formatDuration, formatPercent } from '../../components/review-format';

export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1.5, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {title}
        </Typography>
        {actions ? <Stack direction="row" spacing={1}>{actions}</Stack> : null}
      </Stack>
      {children}
    </Paper>
  );
}

/** Label/value pairs as a description list. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Stack component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.75, m: 0 }}>
      {items.map(([label, value]) => (
        <Stack key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" sx={{ m: 0 }}>
            {value}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}

export function QuestionsTable({ detail }: { detail: VerificationDetail }) {
  const { t, i18n } = useSupervisorCatalogue();
  if (detail.questions.length === 0) return <Typography>{t('detail.noQuestions')}</Typography>;
  return (
    <>
      <Table size="small" aria-label={t('detail.questions')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('detail.questionNumber')}</TableCell>
            <TableCell>{t('detail.questionKind')}</TableCell>
            <TableCell align="right">{t('detail.strength')}</TableCell>
            <TableCell align="right">{t('detail.questionScore')}</TableCell>
            <TableCell align="right">{t('detail.timeTaken')}</TableCell>
            <TableCell>{t('detail.answeredAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.questions.map((q) => (
            <TableRow key={q.seq}>
              <TableCell>{q.seq}</TableCell>
              <TableCell>{t(`review.questionKind.${q.kind}`)}</TableCell>
              <TableCell align="right">{formatDecimal(q.strength, i18n.language)}</TableCell>
              <TableCell align="right">{q.dontKnow ? t('detail.dontKnow') : q.score === null ? t('detail.unanswered') : formatPercent(q.score * 100, i18n.language)}</TableCell>
              <TableCell align="right">{q.timeTakenMs === null ? '' : formatDuration(q.timeTakenMs / 1000)}</TableCell>
              <TableCell>{formatDateTime(q.answeredAt, i18n.language, true)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('detail.answersNeverStored')}
      </Typography>
    </>
  );
}

export function Timeline({ events }: { events: AuditEventView[] }) {
  const { t, i18n } = useSupervisorCatalogue();
  return (
    <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('detail.timeline')}>
      {events.map((e) => (
        <Stack component="li" key={e.seq} direction="row" spacing={2} sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 1.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ minWidth: 150 }}>
            {formatDateTime(e.occurredAt, i18n.language, true)}
          </Typography>
          <Stack>
            <Typography sx={{ fontWeight: 600 }}>{actionLabel(t, e.action)}</Typography>
            <Typography variant="body2" color="text.secondary">
              {[`${t('detail.actor')}: ${actorLabel(t, e.actor)}`, `#${e.seq}`, eventDetail(t, e.action, e.payload, (v) => formatPercent(v, i18n.language))].filter(Boolean).join(' · ')}
            </Typography>
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
