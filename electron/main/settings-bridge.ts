// The console window's access to the desktop settings: read which are locked, and save the language
// and theme to the settings file (so they survive a new profile or a cleared cache).
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ConsoleSettings } from '../../shared/settings/console-settings';
import { desktopSettingsChangeSchema, type DesktopSettingsResult, type DesktopSettingsView } from '../../shared/settings/desktop-settings';
import type { LayeredSettings } from '../../shared/settings/managed-settings';
import { consoleSettingsChannel } from '../ipc-channels';
import { isRendererUrl } from './app-location';
import { isTrustedSender } from './ipc-bridge';
import type { SettingsStore } from './settings-store';

export interface SettingsBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  getWindow: () => BrowserWindow | null;
  store: Pick<SettingsStore, 'update'>;
  /** The settings the shell started with; language and theme are kept up to date here. */
  start: LayeredSettings;
  training: boolean;
  isOwnUrl?: (url: string) => boolean;
}

type Request = { op: 'get' } | { op: 'update'; change: unknown };

export function handleSettingsCall(options: SettingsBridgeOptions, event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown): DesktopSettingsResult {
  if (!isTrustedSender(event, options.getWindow(), options.isOwnUrl ?? isRendererUrl)) {
    return { ok: false, error: { message: 'This frame may not read the settings.' } };
  }
  const { settings, locked } = options.start;
  const view = (): DesktopSettingsView => ({
    language: settings.language,
    theme: settings.theme,
    locked: [...locked],
    training: options.training,
    wrapUpCodes: { ...settings.wrapUpCodes },
  });
  const op = (request as Request | null)?.op;
  if (op === 'get') return { ok: true, value: view() };
  if (op !== 'update') return { ok: false, error: { message: 'Unknown settings request.' } };
  const parsed = desktopSettingsChangeSchema.safeParse((request as { change: unknown }).change);
  if (!parsed.success) return { ok: false, error: { message: parsed.error.issues.map((i) => `${i.path.join('.') || '(change)'}: ${i.message}`).join('; ') } };
  const keys = Object.keys(parsed.data) as (keyof typeof parsed.data)[];
  const fixed = keys.filter((k) => locked.includes(k));
  if (fixed.length > 0) return { ok: false, error: { message: `Set by your IT department: ${fixed.join(', ')}.` } };
  try {
    options.store.update(parsed.data as Partial<ConsoleSettings>);
  } catch {
    return { ok: false, error: { message: 'The settings file could not be saved.' } };
  }
  Object.assign(settings, parsed.data);
  return { ok: true, value: view() };
}

export function setupSettingsBridge(options: SettingsBridgeOptions): () => void {
  options.ipcMain.handle(consoleSettingsChannel, (event, request: unknown) => handleSettingsCall(options, event, request));
  return () => options.ipcMain.removeHandler(consoleSettingsChannel);
}
