import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MuiLink from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import type { ApiError } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { toApiError } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { actionLabel, actorLabel, eventDetail } from '../../components/audit-action-label';
import { saveText, type SaveOutcome } from '../../components/download';
import { CprLookupField, cprLookupSchema } from '../../components/cpr-lookup-field';
import { Form, useZodForm } from '../../components/form';
import { formatBytes } from '../../components/format-bytes';
import { Page } from '../../components/page';
import { formatDateTime, formatPercent } from '../../components/review-format';
import { accessLogCsv, accessLogJson, fileStem, type AccessLog } from './access-log-export';

const searchSchema = z.object({ cpr: cprLookupSchema, reason: z.string().trim().min(10) });

/** Supervisor: everything the audit log holds about one person (GDPR Art. 15), exportable. */
export function PersonAccessLogPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const form = useZodForm(searchSchema, { defaultValues: { cpr: '', reason: '' } });
  const [log, setLog] = useState<AccessLog | null>(null);
  const search = useApiMutation(async (input: z.output<typeof searchSchema>) => {
    setLog(await api.personAccessLog(input));
    // The number is not kept on screen once it has been used.
    form.reset({ cpr: '', reason: input.reason });
  });
  const { pending: busy, error } = search;
  const cprBad = form.formState.errors.cpr !== undefined;
  const reasonBad = form.formState.errors.reason !== undefined;
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const label = (action: string) => actionLabel(t, action);
  const save = async (content: string, fileName: string, type: string) => {
    setSaveError(null);
    setSaved(null);
    try {
      setSaved(await saveText(content, fileName, type));
    } catch (err) {
      setSaveError(toApiError(err));
    }
  };
  const detail = (e: AccessLog['events'][number]) => eventDetail(t, e.action, e.payload, (v) => formatPercent(v, i18n.language));

  return (
    <Page title={t('personAccess.title')}>
      <Typography>{t('personAccess.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Form form={form} onValid={search.run} direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <CprLookupField label={t('personAccess.cpr')} {...form.register('cpr')} invalid={cprBad} />
          <TextField
            label={t('personAccess.reason')}
            {...form.register('reason')}
            required
            size="small"
            sx={{ minWidth: 360, flex: 1 }}
            error={reasonBad}
            helperText={reasonBad ? t('review.reasonTooShort', { min: 10 }) : t('review.reasonHelp', { min: 10 })}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <Button type="submit" variant="contained" disabled={busy}>
            {t('personAccess.search')}
          </Button>
        </Form>
      </Paper>
      {error ? <ApiErrorAlert error={error} /> : null}
      {saveError ? <ApiErrorAlert error={saveError} /> : null}
      {log ? (
        <Paper variant="outlined" component="section" aria-label={t('personAccess.events', { masked: log.maskedCpr })} sx={{ p: 2 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, flexWrap: 'wrap', gap: 1 }}>
            <Stack>
              <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
                {t('personAccess.events', { masked: log.maskedCpr })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('personAccess.count', { count: log.events.length, time: formatDateTime(log.generatedAt, i18n.language, true) })}
              </Typography>
            </Stack>
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" onClick={() => void save(accessLogCsv(log, label, detail), `${fileStem(log)}.csv`, 'text/csv;charset=utf-8')}>
                {t('personAccess.exportCsv')}
              </Button>
              <Button variant="outlined" onClick={() => void save(accessLogJson(log), `${fileStem(log)}.json`, 'application/json')}>
                {t('personAccess.exportJson')}
              </Button>
            </Stack>
          </Stack>
          {saved?.kind === 'written' ? (
            <Alert severity="success" role="status" sx={{ mb: 1 }} onClose={() => setSaved(null)}>
              {t('personAccess.saved', { size: formatBytes(saved.bytes, i18n.language) })}
            </Alert>
          ) : null}
          {log.events.length === 0 ? (
            <Typography>{t('personAccess.empty')}</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('personAccess.time')}</TableCell>
                  <TableCell>{t('personAccess.action')}</TableCell>
                  <TableCell>{t('personAccess.actor')}</TableCell>
                  <TableCell>{t('personAccess.detail')}</TableCell>
                  <TableCell>{t('personAccess.verification')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {log.events.map((e) => (
                  <TableRow key={e.seq}>
                    <TableCell>{formatDateTime(e.occurredAt, i18n.language, true)}</TableCell>
                    <TableCell>{label(e.action)}</TableCell>
                    <TableCell>{actorLabel(t, e.actor)}</TableCell>
                    <TableCell>{detail(e)}</TableCell>
                    <TableCell>
                      {e.verificationId ? (
                        <MuiLink component={Link} to={`/supervisor/verifications/${e.verificationId}`} sx={{ fontFamily: 'monospace' }}>
                          {e.verificationId.slice(0, 8)}
                        </MuiLink>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      ) : null}
    </Page>
  );
}
