import OutlinedFlag from '@mui/icons-material/OutlinedFlag';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CosignRequest } from '../../../../shared/api/index';
import { decideCosign } from '../../../../shared/api/operations/cosign';
import { useConsoleApi } from '../../app/console-api-context';
import { cosignQueueText } from '../../app/i18n/cosign-queue-text';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { Form, useZodForm } from '../../components/form';
import { formatPercent, localeOf } from '../../components/review-format';

// The contract's rule for the reason (decideCosign), checked before anything is sent.
const reasonSchema = decideCosign.input.pick({ reason: true });

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {label}
      </Typography>
      <Typography>{children}</Typography>
    </Box>
  );
}

/** One waiting code: why it waits, the call's facts and signals (never an answer), and the decision with a reason. */
export function CosignRequestCard({ request, onDecided }: { request: CosignRequest; onDecided: (message: string) => void }) {
  const { t, i18n } = useSupervisorCatalogue();
  const tc = cosignQueueText(t);
  const api = useConsoleApi();
  // Shown once the field is left or a decision tried, then as it is corrected.
  const form = useZodForm(reasonSchema, { defaultValues: { reason: '' }, mode: 'onTouched' });
  // Which button submitted the form: both decide, with the same reason.
  const decision = useRef<'approve' | 'deny'>('approve');
  const time = (iso: string) => new Intl.DateTimeFormat(localeOf(i18n.language), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const decide = useApiMutation(async ({ reason }: { reason: string }) => {
    const result = await api.decideCosign({ id: request.verificationId, decision: decision.current, reason });
    onDecided(result.status === 'approved' ? tc('approved') : tc('denied'));
  });
  const titleId = `cosign-${request.verificationId}`;

  return (
    <Paper variant="outlined" component="article" aria-labelledby={titleId} sx={{ p: 2.5 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h2" id={titleId} sx={{ fontSize: '1.25rem' }}>
            {`${request.agent.displayName} · ${request.maskedCpr ?? '—'}`}
          </Typography>
          <Typography color="text.secondary">
            {`${tc('requested', { time: time(request.requestedAt) })} · ${tc('expiresIn', { time: time(request.expiresAt) })}`}
          </Typography>
        </Stack>
        <Box>
          <Typography variant="caption" color="text.secondary" component="p">
            {tc('reasons')}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }}>
            {request.reasons.map((r) => (
              <Chip key={r} label={tc(`reasonKinds.${r}`)} color={r === 'red_flag' ? 'warning' : 'default'} icon={r === 'red_flag' ? <OutlinedFlag /> : undefined} />
            ))}
          </Stack>
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
          <Fact label={t('detail.agent')}>{`${request.agent.displayName} (${request.agent.username})`}</Fact>
          <Fact label={t('detail.document')}>{t(`review.documentType.${request.documentType}`)}</Fact>
          <Fact label={t('detail.language')}>{t(`detail.callLanguages.${request.callLanguage}`)}</Fact>
          <Fact label={tc('facts')}>{tc('started', { time: time(request.startedAt) })}</Fact>
          <Fact label={tc('answersLabel')}>{tc('answers', { correct: request.correctCount, answered: request.questionsAnswered })}</Fact>
          <Fact label={tc('scoreLabel')}>
            {tc('score', { score: formatPercent(request.scorePercent, i18n.language), threshold: formatPercent(request.passThresholdPercent, i18n.language) })}
          </Fact>
        </Box>
        {request.redFlags.length > 0 ? (
          <Alert severity="warning" icon={<OutlinedFlag />}>
            <strong>{tc('redFlags')}:</strong> {request.redFlags.map((k) => tc(`redFlagKinds.${k}`)).join(' · ')}
          </Alert>
        ) : null}
        {request.velocitySignals.length > 0 ? (
          <Alert severity="info">
            <strong>{tc('signals')}:</strong>{' '}
            {request.velocitySignals.map((s) => tc(`signalKinds.${s.kind}` as never, { ...s.details, defaultValue: s.kind })).join(' · ')}
          </Alert>
        ) : null}
        <Form form={form} onValid={decide.run} spacing={2}>
          <TextField
            label={tc('reason')}
            {...form.register('reason')}
            error={form.formState.errors.reason !== undefined}
            helperText={tc('reasonHint')}
            required
            disabled={decide.pending}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {decide.error ? <Alert severity="error">{describeApiError(t, decide.error)}</Alert> : null}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button type="submit" variant="contained" color="success" disabled={decide.pending} onClick={() => (decision.current = 'approve')}>
              {tc('approve')}
            </Button>
            <Button type="submit" variant="outlined" color="error" disabled={decide.pending} onClick={() => (decision.current = 'deny')}>
              {tc('deny')}
            </Button>
            <Link component={RouterLink} to={`/supervisor/verifications/${request.verificationId}`}>
              {tc('showDetail')}
            </Link>
          </Stack>
        </Form>
      </Stack>
    </Paper>
  );
}
