import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import FlagIcon from '@mui/icons-material/Flag';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { VerificationDetail } from '../../../../shared/api/index';
import { addReviewNote } from '../../../../shared/api/operations/supervision';
import { useConsoleApi } from '../../app/console-api-context';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { Form, useZodForm } from '../../components/form';
import { useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { Page } from '../../components/page';
import { formatDateTime, formatDuration, formatPercent } from '../../components/review-format';
import { codeEnded, revokeReasonText } from './code-ended-text';
import { Facts, QuestionsTable, Section, Timeline } from './detail-sections';
import { ReasonDialog } from './reason-dialog';

type Dialog = 'reveal' | 'revoke' | 'flag' | null;

/** Supervisor: one verification, its timeline, and the actions a review may need. */
export function VerificationDetailPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const { id = '' } = useParams();
  const api = useConsoleApi();
  const detail = useApiQuery(`verification:${id}`, (a) => a.getVerificationDetail({ id }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (detail.status === 'loading') return <Page title={t('detail.title')}><CircularProgress aria-label={t('app.loading')} /></Page>;
  if (detail.status === 'error') {
    return (
      <Page title={t('detail.title')}>
        {detail.error.status === 404 ? <Alert severity="warning">{t('detail.notFound')}</Alert> : <ApiErrorAlert error={detail.error} onRetry={detail.reload} />}
        <BackLink />
      </Page>
    );
  }
  const d = detail.data;
  const s = d.summary;
  const lang = i18n.language;
  const after = (message: string) => {
    setDialog(null);
    setNotice(message);
    detail.reload();
  };

  return (
    <Page
      title={`${t('detail.title')} ${s.maskedCpr ?? ''}`.trim()}
      actions={
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => setDialog('reveal')} disabled={!d.cprRevealable}>
            {t('detail.reveal')}
          </Button>
          <Button variant="outlined" color={d.flag.flagged ? 'inherit' : 'warning'} startIcon={<FlagIcon />} onClick={() => setDialog('flag')}>
            {d.flag.flagged ? t('detail.clearFlag') : t('detail.flag')}
          </Button>
        </Stack>
      }
    >
      <BackLink />
      {notice ? <Alert severity="success" role="status" onClose={() => setNotice(null)}>{notice}</Alert> : null}
      {revealed ? (
        <Alert severity="info" onClose={() => setRevealed(null)}>
          {t('detail.revealedLabel')}: <strong data-testid="revealed-cpr">{revealed}</strong> — {t('detail.revealedNote')}
        </Alert>
      ) : null}
      {d.flag.flagged ? <Alert severity="warning" icon={<FlagIcon />}>{d.flag.reason ? t('detail.flaggedBecause', { reason: d.flag.reason }) : t('log.flagged')}</Alert> : null}

      <Section title={t('detail.summary')}>
        <Facts
          items={[
            [t('detail.startedAt'), formatDateTime(s.startedAt, lang, true)],
            [t('detail.endedAt'), formatDateTime(s.endedAt, lang, true) || t('review.none')],
            [t('detail.agent'), s.agent.displayName],
            [t('detail.document'), t(`review.documentType.${s.documentType}`)],
            [t('detail.language'), d.callLanguage === 'en' || d.callLanguage === 'da' ? t(`detail.callLanguages.${d.callLanguage}`) : d.callLanguage],
            [t('detail.identified'), d.identified ? t('detail.yes') : t('detail.no')],
            [t('detail.questionsAsked'), t('detail.questionsOf', { asked: s.questionsAsked, max: d.maxQuestions })],
            [t('detail.correct'), String(d.correctCount)],
            [t('detail.score'), formatPercent(s.scorePercent, lang) || t('review.none')],
            [t('detail.outcome'), <Chip key="o" size="small" variant="outlined" label={`${t(`review.status.${s.status}`)}${s.outcome && s.outcome !== 'passed' ? ` – ${t(`review.outcome.${s.outcome}`)}` : ''}`} />],
            [t('detail.duration'), formatDuration(s.durationSeconds) || t('review.none')],
            [t('detail.callId'), s.callId ?? t('detail.noCallId')],
            [t('detail.callerNumber'), s.callerNumber ? t(`review.callerNumber.${s.callerNumber}`) : t('review.none')],
          ]}
        />
      </Section>

      <Section title={t('detail.questions')}>
        <QuestionsTable detail={d} />
      </Section>

      <CodeSection detail={d} onRevoke={() => setDialog('revoke')} />

      {d.velocitySignals.length > 0 ? (
        <Section title={t('detail.signals')}>
          <Stack component="ul" sx={{ m: 0, pl: 3 }}>
            {d.velocitySignals.map((v) => (
              <Typography component="li" key={v.id}>
                {v.kind === 'person_multi_agent' || v.kind === 'document_multi_person' ? t(`detail.signalKinds.${v.kind}`) : v.kind} · {formatDateTime(v.detectedAt, lang)}
              </Typography>
            ))}
          </Stack>
        </Section>
      ) : null}

      <NotesSection detail={d} onAdded={() => detail.reload()} />

      <Section title={t('detail.timeline')}>
        <Timeline events={d.timeline} />
      </Section>

      <ReasonDialog
        open={dialog === 'reveal'}
        title={t('detail.revealTitle')}
        body={t('detail.revealBody')}
        confirmLabel={t('detail.reveal')}
        minLength={10}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          const { cpr } = await api.revealCpr({ id, reason });
          setRevealed(cpr);
          setDialog(null);
          detail.reload();
        }}
      />
      <ReasonDialog
        open={dialog === 'revoke'}
        title={t('detail.revokeTitle')}
        body={t('detail.revokeBody')}
        confirmLabel={t('detail.revoke')}
        minLength={3}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await api.revokeActivationCode({ id, reason });
          after(t('detail.revoked'));
        }}
      />
      <ReasonDialog
        open={dialog === 'flag'}
        title={d.flag.flagged ? t('detail.clearFlagTitle') : t('detail.flagTitle')}
        body=""
        confirmLabel={t('detail.confirm')}
        minLength={3}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await api.setVerificationFlag({ id, flagged: !d.flag.flagged, reason });
          setDialog(null);
          detail.reload();
        }}
      />
    </Page>
  );
}

function BackLink() {
  const { t } = useSupervisorCatalogue();
  return (
    <Button component={Link} to="/supervisor/log" startIcon={<ArrowBackIcon />} sx={{ alignSelf: 'flex-start' }}>
      {t('detail.back')}
    </Button>
  );
}

function CodeSection({ detail, onRevoke }: { detail: VerificationDetail; onRevoke: () => void }) {
  const { t, i18n } = useSupervisorCatalogue();
  const c = detail.code;
  const lang = i18n.language;
  const active = c !== null && (c.status === 'sent' || c.status === 'delivery_failed');
  return (
    <Section
      title={t('detail.code')}
      actions={active ? <Button variant="outlined" color="error" onClick={onRevoke}>{t('detail.revoke')}</Button> : undefined}
    >
      {c ? (
        <Facts
          items={[
            [t('detail.codeStatus'), <Chip key="s" size="small" label={t(`review.codeStatus.${c.status}`)} />],
            [t('detail.issuedAt'), formatDateTime(c.issuedAt, lang, true)],
            [t('detail.issuedBy'), c.issuedBy.displayName ?? c.issuedBy.id],
            [t('detail.mobile'), c.maskedMobile ?? t('review.none')],
            [t('detail.expiresAt'), formatDateTime(c.expiresAt, lang, true)],
            [t('detail.attempts'), t('detail.attemptsOf', { attempts: c.attempts, max: c.maxAttempts })],
            ...(c.usedAt ? ([[t('detail.usedAt'), formatDateTime(c.usedAt, lang, true)]] as [string, string][]) : []),
            ...(c.revokedAt
              ? ([
                  [c.status === 'superseded' ? codeEnded(lang).replacedAt : t('detail.revokedAt'), formatDateTime(c.revokedAt, lang, true)],
                  [t('detail.revokeReason'), revokeReasonText(lang, c.revokeReason) ?? t('review.none')],
                ] as [string, string][])
              : []),
          ]}
        />
      ) : (
        <Typography>{t('detail.noCode')}</Typography>
      )}
    </Section>
  );
}

// The contract's rule for a note: the button stays off until there is text to send.
const noteSchema = addReviewNote.input.pick({ text: true });

function NotesSection({ detail, onAdded }: { detail: VerificationDetail; onAdded: () => void }) {
  const { t, i18n } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const form = useZodForm(noteSchema, { defaultValues: { text: '' } });
  const text = form.watch('text');
  const adding = useApiMutation(async ({ text: note }: { text: string }) => {
    await api.addReviewNote({ id: detail.summary.id, text: note });
    form.reset();
    onAdded();
  });
  const { pending: busy, error } = adding;
  return (
    <Section title={t('detail.notes')}>
      {detail.notes.length === 0 ? <Typography color="text.secondary">{t('detail.noNotes')}</Typography> : null}
      <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, mb: 2 }}>
        {detail.notes.map((n) => (
          <li key={n.id}>
            <Typography variant="body2" color="text.secondary">
              {n.author.displayName ?? n.author.id} · {formatDateTime(n.createdAt, i18n.language)}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{n.text}</Typography>
          </li>
        ))}
      </Stack>
      <Form form={form} onValid={adding.run} spacing={1}>
        <TextField label={t('detail.noteLabel')} {...form.register('text')} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
        {error ? <ApiErrorAlert error={error} /> : null}
        <Button type="submit" variant="outlined" disabled={busy || !text.trim()} sx={{ alignSelf: 'flex-start' }}>
          {t('detail.addNote')}
        </Button>
      </Form>
    </Section>
  );
}
