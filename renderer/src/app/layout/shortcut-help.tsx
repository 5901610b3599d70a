import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAgentCatalogue } from '../i18n/agent-catalogue';
import { Kbd } from '../../components/kbd';
import { shortcutList } from '../../components/keyboard';

/** The help overlay ("?" or F1): every shortcut and what it does. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  useAgentCatalogue();
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">{t('shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('shortcuts.intro')}
        </Typography>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <Typography component="th" scope="col" variant="subtitle2" sx={{ textAlign: 'left', pb: 1, pr: 2 }}>
                {t('shortcuts.keys')}
              </Typography>
              <Typography component="th" scope="col" variant="subtitle2" sx={{ textAlign: 'left', pb: 1 }}>
                {t('shortcuts.action')}
              </Typography>
            </tr>
          </thead>
          <tbody>
            {shortcutList.map((s) => (
              <tr key={s.action}>
                <td style={{ padding: '6px 16px 6px 0', whiteSpace: 'nowrap' }}>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ` ${t('shortcuts.or')} ` : null}
                      <Kbd>{k}</Kbd>
                    </span>
                  ))}
                </td>
                <td style={{ padding: '6px 0' }}>{t(s.action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
