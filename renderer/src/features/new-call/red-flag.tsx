import OutlinedFlag from '@mui/icons-material/OutlinedFlag';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../shared/api/index';
import { redFlagKinds, type RedFlagKind } from '../../../../shared/domain/cosign/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useApiMutation } from '../../app/use-api-mutation';
import { describeApiError } from '../../components/api-error-alert';
import { isAltKey, isModalOpen } from '../../components/keyboard';
import { Kbd } from '../../components/kbd';
import { callStore } from './call-store';

/**
 * The agent's red flag: Alt+R (or the button) opens the four things an agent may notice; 1-4 or a click
 * records one on the verification. The caller is not told; the code then needs a supervisor's co-sign.
 */
export function RedFlagButton({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const [open, setOpen] = useState(false);
  const raise = useApiMutation(async (kind: RedFlagKind) => {
    const next = await api.raiseRedFlag({ id: view.id, kind });
    callStore.setView(next);
    setOpen(false);
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen() || !isAltKey(event, 'r')) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const flagged = view.redFlags.length > 0;
  return (
    <>
      <Button
        color="warning"
        variant={flagged ? 'contained' : 'outlined'}
        startIcon={<OutlinedFlag />}
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Alt+R"
        endIcon={<Kbd decorative>Alt+R</Kbd>}
      >
        {t('redFlag.open')}
      </Button>
      <Dialog
        open={open}
        onClose={raise.pending ? undefined : () => setOpen(false)}
        aria-labelledby="red-flag-title"
        maxWidth="sm"
        fullWidth
        onKeyDown={(event) => {
          const index = Number(event.key) - 1;
          const kind = redFlagKinds[index];
          if (kind && !event.altKey && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            void raise.run(kind);
          }
        }}
      >
        <DialogTitle id="red-flag-title">{t('redFlag.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography>{t('redFlag.intro')}</Typography>
            <Stack spacing={1}>
              {redFlagKinds.map((kind, i) => (
                <Button
                  key={kind}
                  variant={view.redFlags.includes(kind) ? 'contained' : 'outlined'}
                  color="warning"
                  autoFocus={i === 0}
                  disabled={raise.pending}
                  onClick={() => void raise.run(kind)}
                  aria-keyshortcuts={String(i + 1)}
                  aria-pressed={view.redFlags.includes(kind)}
                  startIcon={<Kbd decorative>{String(i + 1)}</Kbd>}
                  sx={{ justifyContent: 'flex-start', textAlign: 'left' }}
                >
                  {t(`redFlag.kinds.${kind}`)}
                </Button>
              ))}
            </Stack>
            {raise.error ? <Alert severity="error">{describeApiError(t, raise.error)}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={raise.pending}>
            {t('redFlag.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** What the agent flagged on this call, in one line (the agent's own record; the caller never sees it). */
export function RedFlagNotice({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  if (view.redFlags.length === 0) return null;
  return (
    <Alert severity="warning" icon={<OutlinedFlag />} role="status">
      {t('redFlag.raised', { kinds: view.redFlags.map((k) => t(`redFlag.kinds.${k}`)).join(', ') })}
    </Alert>
  );
}
