import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../health';

/** Shown on every screen while the Support API runs on the synthetic register, so nobody mistakes it for production. */
export function SandboxBanner() {
  const { t } = useTranslation();
  const { health } = useHealth();
  if (!health?.sandbox) return null;
  return (
    <Box
      role="status"
      aria-label={t('app.sandboxBanner')}
      sx={(theme) => ({
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 1.5,
        px: 2,
        py: 0.75,
        // Striped amber band: unmistakable, and still readable (black on amber is > 10:1).
        color: '#1a1200',
        backgroundColor: '#ffc94d',
        backgroundImage: 'repeating-linear-gradient(-45deg, transparent 0 14px, rgba(0,0,0,0.06) 14px 28px)',
        borderBottom: '2px solid #8a5a00',
        ...theme.applyStyles('dark', { backgroundColor: '#f2b53a' }),
      })}
    >
      <ScienceOutlined fontSize="small" aria-hidden />
      <Typography component="span" sx={{ fontWeight: 700, letterSpacing: '0.04em' }}>
        {t('app.sandboxBanner')}
      </Typography>
      <Typography component="span" variant="body2">
        {t('app.sandboxBannerDetail')}
      </Typography>
    </Box>
  );
}
