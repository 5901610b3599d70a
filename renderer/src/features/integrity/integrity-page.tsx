import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { auditCheckpointSchema, type ApiError, type ConsoleApi } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { toApiError } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { saveText } from '../../components/download';
import { Page } from '../../components/page';
import { runAuditVerification, type VerifyOutcome } from './run-verification';

type Run = { status: 'idle' } | { status: 'running'; checked: number; total: number } | { status: 'done'; outcome: VerifyOutcome } | { status: 'error'; error: ApiError };
type CheckpointCheck = Awaited<ReturnType<ConsoleApi['verifyAuditCheckpoint']>>;
type CheckpointResult = { kind: 'saved'; seq: number; written: boolean } | { kind: 'checked'; result: CheckpointCheck; seq: number } | { kind: 'unreadable' } | { kind: 'error'; error: ApiError };

/** Supervisor: check the audit log's hash chain, and export or check signed checkpoints. */
export function IntegrityPage() {
  const { t } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [checkpoint, setCheckpoint] = useState<CheckpointResult | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const verify = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRun({ status: 'running', checked: 0, total: 0 });
    try {
      const outcome = await runAuditVerification(api, (checked, total) => setRun({ status: 'running', checked, total }), { signal: controller.signal });
      setRun({ status: 'done', outcome });
    } catch (error) {
      if (!controller.signal.aborted) setRun({ status: 'error', error: toApiError(error) });
    }
  };

  const exportCheckpoint = async () => {
    try {
      const cp = await api.createAuditCheckpoint({});
      const outcome = await saveText(JSON.stringify(cp, null, 2), `audit-checkpoint-${cp.seq}.json`, 'application/json');
      setCheckpoint(outcome.kind === 'cancelled' ? null : { kind: 'saved', seq: cp.seq, written: outcome.kind === 'written' });
    } catch (error) {
      setCheckpoint({ kind: 'error', error: toApiError(error) });
    }
  };

  const checkFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed;
    try {
      parsed = auditCheckpointSchema.safeParse(JSON.parse(await file.text()));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return setCheckpoint({ kind: 'unreadable' });
    try {
      const result = await api.verifyAuditCheckpoint({ checkpoint: parsed.data });
      setCheckpoint({ kind: 'checked', result, seq: parsed.data.seq });
    } catch (error) {
      setCheckpoint({ kind: 'error', error: toApiError(error) });
    }
  };

  const progress = run.status === 'running' && run.total > 0 ? Math.round((run.checked / run.total) * 100) : 0;

  return (
    <Page title={t('nav.integrity')}>
      <Typography>{t('integrityScreen.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Button variant="contained" onClick={() => void verify()} disabled={run.status === 'running'} sx={{ alignSelf: 'flex-start' }}>
            {t('integrityScreen.verify')}
          </Button>
          {run.status === 'running' ? (
            <Stack spacing={1}>
              <LinearProgress variant={run.total > 0 ? 'determinate' : 'indeterminate'} value={progress} aria-label={t('integrityScreen.verify')} />
              <Typography variant="body2" role="status">
                {t('integrityScreen.verifying', { checked: run.checked, total: run.total })}
              </Typography>
            </Stack>
          ) : null}
          {run.status === 'done' && run.outcome.ok ? (
            <Alert severity="success" role="status" sx={{ wordBreak: 'break-all' }}>
              {t('integrityScreen.ok', { count: run.outcome.count, hash: run.outcome.headHash ?? '' })}
            </Alert>
          ) : null}
          {run.status === 'done' && run.outcome.ok && run.outcome.staged ? (
            <Alert severity="info" role="status">
              {t('integrityScreen.staged', { count: run.outcome.staged.count, seconds: run.outcome.staged.oldestSeconds })}
            </Alert>
          ) : null}
          {run.status === 'done' && !run.outcome.ok ? (
            <Alert severity="error" role="alert">
              {t('integrityScreen.broken', { seq: run.outcome.brokenAt.seq, reason: t(`integrityScreen.breaks.${run.outcome.brokenAt.kind}`) })}
            </Alert>
          ) : null}
          {run.status === 'error' ? <ApiErrorAlert error={run.error} onRetry={() => void verify()} /> : null}
        </Stack>
      </Paper>
      <Paper variant="outlined" component="section" aria-label={t('integrityScreen.checkpoint')} sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
            {t('integrityScreen.checkpoint')}
          </Typography>
          <Typography>{t('integrityScreen.checkpointIntro')}</Typography>
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={() => void exportCheckpoint()}>
              {t('integrityScreen.exportCheckpoint')}
            </Button>
            <Button variant="outlined" component="label">
              {t('integrityScreen.verifyCheckpoint')}
              <input type="file" accept="application/json,.json" hidden aria-label={t('integrityScreen.checkpointFile')} onChange={(e) => void checkFile(e)} />
            </Button>
          </Stack>
          {checkpoint?.kind === 'saved' ? (
            <Alert severity="info" role="status">
              {t(checkpoint.written ? 'integrityScreen.checkpointWritten' : 'integrityScreen.checkpointSaved', { seq: checkpoint.seq })}
            </Alert>
          ) : null}
          {checkpoint?.kind === 'checked' && checkpoint.result.ok ? <Alert severity="success" role="status">{t('integrityScreen.checkpointOk', { seq: checkpoint.seq, head: checkpoint.result.headSeq })}</Alert> : null}
          {checkpoint?.kind === 'checked' && checkpoint.result.problem ? (
            <Alert severity="error" role="alert">
              {t('integrityScreen.checkpointBroken', { reason: t(`integrityScreen.checkpointProblems.${checkpoint.result.problem}`, { seq: checkpoint.result.problemSeq ?? checkpoint.seq }) })}
            </Alert>
          ) : null}
          {checkpoint?.kind === 'unreadable' ? <Alert severity="error" role="alert">{t('integrityScreen.checkpointUnreadable')}</Alert> : null}
          {checkpoint?.kind === 'error' ? <ApiErrorAlert error={checkpoint.error} /> : null}
        </Stack>
      </Paper>
    </Page>
  );
}
