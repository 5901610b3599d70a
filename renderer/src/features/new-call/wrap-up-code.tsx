import ContentCopy from '@mui/icons-material/ContentCopyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeReason } from '../../../../shared/api/index';
import { wrapUpCodeFor } from '../../../../shared/settings/wrap-up-codes';
import { useDesktopSettings } from '../../app/desktop-settings';
import { isAltKey, isModalOpen } from '../../components/keyboard';
import { Kbd } from '../../components/kbd';

/** Main writes the clipboard in the desktop shell (the page has no clipboard permission there). */
async function copy(text: string): Promise<boolean> {
  const bridge = window.consoleBridge;
  if (bridge) return bridge.copyText(text);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * After the call: the wrap-up code the agent enters in the phone system for this outcome (the centre's
 * list from the managed configuration, else the defaults), copied with Alt+W or F9.
 */
export function WrapUpCode({ reason }: { reason: OutcomeReason }) {
  const { t } = useTranslation();
  const settings = useDesktopSettings();
  const code = wrapUpCodeFor(reason, settings?.wrapUpCodes);
  // Which code the message is about: a message for another outcome's code never shows.
  const [copied, setCopied] = useState<{ code: string; result: 'copied' | 'failed' } | null>(null);
  const copyNow = () => void copy(code).then((ok) => setCopied({ code, result: ok ? 'copied' : 'failed' }));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen()) return;
      if (!isAltKey(event, 'w') && event.key !== 'F9') return;
      event.preventDefault();
      copyNow();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <Paper variant="outlined" component="section" aria-labelledby="wrap-up-title" sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography id="wrap-up-title" variant="subtitle2" component="h3" color="text.secondary">
          {t('call.wrapUp.title')}
        </Typography>
        <Typography component="p" data-testid="wrap-up-code" sx={{ fontFamily: 'monospace', fontSize: '1.5rem', fontWeight: 700 }}>
          {code}
        </Typography>
      </Box>
      <Button
        variant="outlined"
        startIcon={<ContentCopy />}
        onClick={copyNow}
        aria-keyshortcuts="Alt+W F9"
        endIcon={<Kbd decorative>Alt+W</Kbd>}
      >
        {t('call.wrapUp.copy')}
      </Button>
      <Typography role="status" sx={{ width: '100%', minHeight: '1.5em', color: copied?.result === 'failed' ? 'error.main' : 'success.main' }}>
        {copied?.code === code ? t(`call.wrapUp.${copied.result}`, { code }) : ''}
      </Typography>
    </Paper>
  );
}
