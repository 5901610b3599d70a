import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../i18n/catalogue';
import { saveDesktopSetting, useDesktopSettings } from '../desktop-settings';
import { rememberLanguage } from '../i18n/i18n';

/**
 * da/en switch; each option is written in its own language. The choice is remembered on this machine
 * (in the desktop shell: in its settings file). Locked when the centre's managed configuration sets it.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const locked = useDesktopSettings()?.locked.includes('language') ?? false;
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={i18n.language}
      disabled={locked}
      aria-label={t('language.label')}
      title={locked ? t('settings.lockedByIt') : undefined}
      onChange={(_event, value: unknown) => {
        if (!isLanguage(value)) return; // clicking the current language again gives null
        rememberLanguage(value);
        void saveDesktopSetting({ language: value });
        void i18n.changeLanguage(value);
      }}
      sx={{
        bgcolor: 'background.paper',
        // On the paper-coloured buttons the ring goes inside, in the primary colour, to stay visible.
        '&& .MuiToggleButton-root.Mui-focusVisible': {
          outline: '3px solid',
          outlineColor: 'primary.main',
          outlineOffset: '-5px',
        },
      }}
    >
      {languages.map((lng) => (
        <ToggleButton key={lng} value={lng} lang={lng} sx={{ px: 1.25, py: 0.25 }}>
          {t(`language.${lng}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
