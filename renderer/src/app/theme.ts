import { createTheme, enhanceHighContrast } from '@mui/material/styles';

/** The user's theme setting; 'system' follows the operating system's light/dark preference. */
export type ThemeSetting = 'light' | 'dark' | 'system';
export const themeSettings: readonly ThemeSetting[] = ['light', 'dark', 'system'];

/** Where MUI remembers the mode (ThemeProvider's modeStorageKey). */
export const themeStorageKey = 'console.theme';

/**
 * The theme to start in: the desktop shell's setting, passed as `?theme=` on the URL, else the
 * system's. In the browser preview MUI's remembered choice (localStorage) wins; in the desktop shell
 * the settings file does (the console saves choices there, and the centre may lock it), so MUI's
 * copy is dropped before it is read.
 */
export function initialThemeSetting(): ThemeSetting {
  const hint = themeSettings.find((s) => s === new URLSearchParams(window.location.search).get('theme'));
  if (window.consoleBridge && hint) {
    try {
      window.localStorage.removeItem(themeStorageKey);
    } catch {
      // Storage can be off: MUI then has nothing remembered either.
    }
  }
  return hint ?? 'system';
}

/**
 * Calm, high-contrast theme for long shifts. Colours meet WCAG AA for text on their background;
 * the focus ring is thick and offset so keyboard users always see where they are.
 */
export const consoleTheme = enhanceHighContrast(
  createTheme({
    // CSS variables + a class on <html> switch light/dark without re-rendering the tree.
    cssVariables: { colorSchemeSelector: 'class' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#0b4f8a' },
          secondary: { main: '#43546a' },
          warning: { main: '#8a4b00' },
          error: { main: '#b3261e' },
          background: { default: '#f4f6f9', paper: '#ffffff' },
          text: { primary: '#111a24', secondary: '#3d4a59' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#8cc4ff' },
          secondary: { main: '#b6c3d4' },
          warning: { main: '#ffb95c' },
          error: { main: '#ffb4ab' },
          background: { default: '#0f1720', paper: '#17212c' },
          text: { primary: '#eef2f6', secondary: '#bfc9d4' },
        },
      },
    },
    focusVisible: { outlineWidth: 3, outlineOffset: 2 },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.75rem', fontWeight: 600 },
      h2: { fontSize: '1.375rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: true } },
      MuiAppBar: { defaultProps: { elevation: 0 } },
    },
  }),
);
