import Logout from '@mui/icons-material/Logout';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate, useNavigation } from 'react-router';
import { AgentShortcuts } from './keyboard-shortcuts';
import { IdleLock } from '../screens';
import { useAuth } from '../auth';
import { CallLinkListener } from '../call-links';
import { useHealth } from '../health';
import { ConnectionBanner } from './connection-banner';
import { useDesktopSettings } from '../desktop-settings';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { SandboxBanner } from './sandbox-banner';
import { ThemeMenu } from './theme-menu';

/** The frame around every screen: app bar, sandbox and connection banners, role menu, content. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const desktop = useDesktopSettings();
  // A lazy (supervisor) screen is being fetched: show progress rather than a frozen window.
  const loading = useNavigation().state === 'loading';
  const session = state.status === 'signed-in' ? state.session : null;

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box
        component="a"
        href="#main"
        onClick={(event) => {
          // The hash router owns the URL hash: move focus without navigating.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 'tooltip',
          p: 1,
          bgcolor: 'background.paper',
          color: 'text.primary',
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Box>
      <AppBar
        position="static"
        component="header"
        color="primary"
        // The theme's ring is primary-coloured, invisible on the primary bar: use white here.
        sx={{ '& .MuiButtonBase-root.Mui-focusVisible': { outline: '3px solid #ffffff', outlineOffset: '2px' } }}
      >
        <Toolbar sx={{ gap: 2 }}>
          <Typography component="span" variant="h6" noWrap sx={{ fontWeight: 700, flexGrow: 1, minWidth: 0 }}>
            {t('app.productName')}
          </Typography>
          {session ? (
            // Below 900 px (a trainer's window beside a call) the name gives way to the controls.
            <Typography
              component="span"
              variant="body2"
              sx={{ textAlign: 'right', lineHeight: 1.3, display: { xs: 'none', md: 'block' } }}
            >
              {t('session.signedInAs', { name: session.user.displayName })}
              <br />
              <Box component="span" sx={{ opacity: 0.85 }}>
                {t(`session.roles.${session.user.role}`)}
              </Box>
            </Typography>
          ) : null}
          <LanguageSwitcher />
          <ThemeMenu locked={desktop?.locked.includes('theme') ?? false} />
          {session ? (
            <Button
              color="inherit"
              variant="outlined"
              startIcon={<Logout />}
              sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
              onClick={async () => {
                await signOut();
                await navigate('/sign-in', { replace: true });
              }}
            >
              {t('session.signOut')}
            </Button>
          ) : null}
        </Toolbar>
      </AppBar>
      <SandboxBanner />
      <ConnectionBanner />
      {session ? <MainNav role={session.user.role} /> : null}
      {/* The lock covers every signed-in screen; the agent's keys (Alt+N, Alt+M, ?) work on every agent screen. */}
      {session ? <IdleLock session={session} /> : null}
      {session?.user.role === 'agent' ? <AgentShortcuts /> : null}
      <CallLinkListener />
      <Box sx={{ height: 4 }}>{loading ? <LinearProgress aria-label={t('app.loading')} /> : null}</Box>
      {/* Supervisor screens are wide tables and charts: they use the window's width. Agent screens keep a readable line. */}
      <Container component="main" id="main" tabIndex={-1} maxWidth={session?.user.role === 'supervisor' ? false : 'lg'} sx={{ flexGrow: 1, outline: 'none' }}>
        <Outlet />
      </Container>
      <ApiVersionFooter />
    </Box>
  );
}

/** Which Support API the console talks to: the first thing support staff ask when something looks odd. */
function ApiVersionFooter() {
  const { t } = useTranslation();
  const { health } = useHealth();
  return (
    <Box component="footer" sx={{ px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="caption" color="text.secondary">
        {health ? t('app.apiVersion', { version: health.version, database: health.database }) : '\u00a0'}
      </Typography>
    </Box>
  );
}
