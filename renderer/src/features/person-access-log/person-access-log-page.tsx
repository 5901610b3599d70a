import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { toApiError } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { actionLabel, eventDetail } from '../../components/audit-action-label';
import { saveText, type SaveOutcome } from '../../components/download';
import { formatBytes } from '../../components/format-bytes';
import { Page } from '../../components/page';
import { formatDateTime, formatPercent } from '../../components/review-format';
import { accessLogCsv, accessLogJson, fileStem, type AccessLog } from './access-log-export';

const isFullCpr = (v: string) => /^\d{10}$/.test(v.replace(/[\s-]/g, ''));

/** Supervisor: everything the audit log holds about one person (GDPR Art. 15), exportable. */
export function PersonAccessLogPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const [cpr, setCpr] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [log, setLog] = useState<AccessLog | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const cprBad = !isFullCpr(cpr);
  const reasonBad = reason.trim().length < 10;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (cprBad || reasonBad) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setLog(await api.personAccessLog({ cpr, reason: reason.trim() }));
      // The number is not kept on screen once it has been used.
      setCpr('');
      setTouched(false);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const label = (action: string) => actionLabel(t, action);
  const save = async (content: string, fileName: string, type: string) => {
    setError(null);
    setSaved(null);
    try {
      setSaved(await saveText(content, fileName, type));
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const detail = (e: AccessLog['events'][number]) => eventDetail(t, e.action, e.payload, (v) => formatPercent(v, i18n.language));

  return (
    <Page title={t('personAccess.title')}>
      <Typography>{t('personAccess.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack component="form" onSubmit={(e) => void submit(e)} noValidate direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <TextField
            label={t('personAccess.cpr')}
            value={cpr}
            onChange={(e) => setCpr(e.target.value)}
            required
            size="small"
            autoComplete="off"
            error={touched && cprBad}
            helperText={touched && cprBad ? t('log.filters.cprInvalid') : t('log.filters.cprHelp')}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 13, spellCheck: false } }}
          />
          <TextField
            label={t('personAccess.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            size="small"
            sx={{ minWidth: 360, flex: 1 }}
            error={touched && reasonBad}
            helperText={touched && reasonBad ? t('review.reasonTooShort', { min: 10 }) : t('review.reasonHelp', { min: 10 })}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          <Button type="submit" variant="contained" disabled={busy}>
            {t('personAccess.search')}
          </Button>
        </Stack>
      </Paper>
      {error ? <ApiErrorAlert error={error} /> : null}
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
                    <TableCell>{e.actor.displayName ?? e.actor.id}</TableCell>
                    <TableCell>{detail(e)}</TableCell>
                    <TableCell>
                      {e.verificationId ? (
                        <Link to={`/supervisor/verifications/${e.verificationId}`}>{e.verificationId.slice(0, 8)}</Link>
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
