// The Help menu: what a service desk asks an agent for. The console window has no other menu.
import type { MenuItemConstructorOptions } from 'electron';

export interface HelpMenuActions {
  openLogFolder(): void;
  copyDiagnostics(): void;
}

/** Menu bar template: on macOS the app menu comes first (it holds Quit); elsewhere Help alone. */
export function helpMenuTemplate(actions: HelpMenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: 'Help',
    submenu: [
      { id: 'open-log-folder', label: 'Open log folder', click: () => actions.openLogFolder() },
      { id: 'copy-diagnostics', label: 'Copy diagnostics for the service desk', click: () => actions.copyDiagnostics() },
    ],
  };
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, help] : [help];
}
