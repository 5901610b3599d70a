import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import type { WatchStats } from '../../../../shared/api/index';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { dateRangeSchema, type DateRangeProblem } from '../../components/date-range';
import { DateTimeInput } from '../../components/date-time-inputs';
import { Form, useZodForm } from '../../components/form';
import { Page } from '../../components/page';
import { localeOf } from '../../components/review-format';
import { AnomalyLists } from './anomaly-lists';

/** datetime-local value (local time, minutes) for a Date. */
function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function lastDay(): { from: string; to: string } {
  const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  return { from: toLocalInput(new Date(to.getTime() - 24 * 3_600_000)), to: toLocalInput(to) };
}

/** Supervisor: volumes and pass rates per hour and per agent, and what stands out. */
export function WatchPage() {
  const { t } = useSupervisorCatalogue();
  const [range, setRange] = useState(lastDay);
  const form = useZodForm(dateRangeSchema, { defaultValues: range });
  const from = new Date(range.from).toISOString();
  const to = new Date(range.to).toISOString();
  const stats = useApiQuery(`watch:${from}:${to}`, (a) => a.getWatchStats({ from, to }));
  const problem = (field: 'from' | 'to') => {
    const message = form.formState.errors[field]?.message as DateRangeProblem | undefined;
    return message ? t(`log.filters.${message}`) : undefined;
  };

  return (
    <Page title={t('nav.watch')}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Form form={form} onValid={setRange} direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          {(['from', 'to'] as const).map((field) => (
            <Controller
              key={field}
              control={form.control}
              name={field}
              render={({ field: input }) => (
                <DateTimeInput
                  label={t(`watchScreen.${field}`)}
                  value={input.value}
                  onChange={input.onChange}
                  onBlur={input.onBlur}
                  name={input.name}
                  error={problem(field) !== undefined}
                  helperText={problem(field)}
                />
              )}
            />
          ))}
          <Button type="submit" variant="contained" sx={{ mt: 0.25 }}>
            {t('watchScreen.update')}
          </Button>
        </Form>
      </Paper>
      {stats.status === 'loading' ? <CircularProgress aria-label={t('app.loading')} /> : null}
      {stats.status === 'error' ? <ApiErrorAlert error={stats.error} onRetry={stats.reload} /> : null}
      {stats.status === 'success' ? <Charts stats={stats.data} /> : null}
      {stats.status === 'success' ? <AnomalyLists stats={stats.data} /> : null}
    </Page>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2, flex: 1, minWidth: 0 }}>
      <Typography variant="h2" sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Charts({ stats }: { stats: WatchStats }) {
  const { t, i18n } = useSupervisorCatalogue();
  const hourFormat = new Intl.DateTimeFormat(localeOf(i18n.language), { hour: '2-digit', minute: '2-digit' });
  const percent = (v: number | null) => (v === null ? '' : `${Math.round(v * 100)} %`);
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
      <ChartCard title={t('watchScreen.perHour')}>
        <BarChart
          height={280}
          xAxis={[{ scaleType: 'band', data: stats.perHour.map((h) => hourFormat.format(new Date(h.hour))) }]}
          // Counts: no half verifications on the axis.
          yAxis={[{ tickMinStep: 1 }]}
          series={[
            { data: stats.perHour.map((h) => h.total), label: t('watchScreen.total'), color: '#0b4f8a' },
            { data: stats.perHour.map((h) => h.passed), label: t('watchScreen.passed'), color: '#2e7d32' },
          ]}
        />
      </ChartCard>
      <ChartCard title={t('watchScreen.perAgent')}>
        <BarChart
          height={280}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: stats.perAgent.map((a) => a.agent.displayName), width: 120 }]}
          xAxis={[{ min: 0, max: 1, valueFormatter: (v: number) => percent(v) }]}
          series={[{ data: stats.perAgent.map((a) => a.passRate ?? 0), label: t('watchScreen.passRate'), valueFormatter: (v) => percent(v), color: '#2e7d32' }]}
        />
      </ChartCard>
    </Stack>
  );
}
