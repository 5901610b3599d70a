import Check from '@mui/icons-material/Check';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightness from '@mui/icons-material/SettingsBrightness';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useColorScheme } from '@mui/material/styles';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveDesktopSetting } from '../desktop-settings';
import { themeSettings, type ThemeSetting } from '../theme';

const icons = { light: LightModeOutlined, dark: DarkModeOutlined, system: SettingsBrightness } as const;

/**
 * Light / dark / system. MUI remembers the choice in localStorage and follows the OS for 'system'; the
 * desktop shell also saves it to its settings file. `locked`: the centre's managed configuration sets it.
 */
export function ThemeMenu({ locked = false }: { locked?: boolean }) {
  const { t } = useTranslation();
  const { mode, setMode } = useColorScheme();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current: ThemeSetting = mode ?? 'system';
  const Icon = icons[current];
  return (
    <>
      {/* A native title, not MUI's Tooltip: that would pull Popper.js into the agent's first load. */}
      <IconButton
          color="inherit"
          aria-label={`${t('theme.label')}: ${t(`theme.${current}`)}`}
          title={`${t('theme.label')}: ${t(`theme.${current}`)}${locked ? ` (${t('settings.lockedByIt')})` : ''}`}
          disabled={locked}
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? true : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Icon />
        </IconButton>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {themeSettings.map((setting) => {
          const ItemIcon = icons[setting];
          return (
            <MenuItem
              key={setting}
              selected={setting === current}
              onClick={() => {
                setMode(setting);
                void saveDesktopSetting({ theme: setting });
                setAnchor(null);
              }}
            >
              <ListItemIcon>
                <ItemIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText>{t(`theme.${setting}`)}</ListItemText>
              {setting === current ? <Check fontSize="small" sx={{ ml: 2 }} aria-hidden /> : null}
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}
