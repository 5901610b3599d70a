// Composition root of the desktop shell: every part is built and wired here, in this order.
import path from 'node:path';
import { app, dialog, ipcMain, powerMonitor, protocol, session, utilityProcess, type BrowserWindow } from 'electron';
import { defaultConsoleSettings, type ConsoleSettings } from '../../shared/settings/console-settings';
import { rendererDir } from './app-location';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { setupContentSecurityPolicy } from './content-security-policy';
import { createMainWindow, readyToShow } from './create-main-window';
import { setupDownloads } from './downloads';
import { connectSupportApi } from './embedded-api';
import { setupGracefulQuit } from './graceful-quit';
import { setupIpcBridge } from './ipc-bridge';
import { setupLockOnSuspend } from './lock-on-suspend';
import { setupNavigationGuard } from './navigation-guard';
import { setupSingleInstance } from './single-instance';
import { openSettingsStore, resolveSupportApiTarget, type SupportApiTarget } from './settings-store';
import { startUtilityApi } from './utility-api';

const log = console;
let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

function readSettings(): ConsoleSettings {
  try {
    return openSettingsStore({ log }).read();
  } catch (error) {
    log.warn(`Settings could not be opened (${reasonOf(error)}); using defaults.`);
    return { ...defaultConsoleSettings };
  }
}

async function run(settings: ConsoleSettings): Promise<void> {
  await app.whenReady();
  handleAppProtocol(protocol, rendererDir());
  setupContentSecurityPolicy(session.defaultSession);
  setupNavigationGuard(app, session.defaultSession, log);

  let target: SupportApiTarget | { kind: 'invalid'; reason: string };
  try {
    target = resolveSupportApiTarget(settings);
  } catch (error) {
    target = { kind: 'invalid', reason: reasonOf(error) };
  }
  // The embedded API runs in a utility process (built beside this file), never in main.
  const start = ({ dataDir }: { dataDir: string }) =>
    startUtilityApi({
      fork: (entry, env) => utilityProcess.fork(entry, [], { env, serviceName: 'MitID Support API', stdio: 'inherit' }),
      entry: path.join(import.meta.dirname, 'support-api.js'),
      dataDir,
      log,
    });
  const connection = connectSupportApi({ target, start, userDataDir: app.getPath('userData'), log });
  const backend = () => connection.then((c) => c.backend);
  setupIpcBridge({ ipcMain, getWindow, backend, log });
  setupDownloads({ ipcMain, getWindow, dialog, backend, downloadsDir: () => app.getPath('downloads'), log });
  setupGracefulQuit(app, async () => (await connection).close(), log);

  const { window, loaded } = createMainWindow({ settings });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  setupLockOnSuspend(powerMonitor, getWindow);

  loaded.catch((error: unknown) => {
    dialog.showErrorBox('MitID Support Console', `The console could not be loaded: ${reasonOf(error)}`);
    app.quit();
  });
  const [, ready] = await Promise.all([readyToShow(window), backend()]);
  window.show();
  // The renderer also gets this reason as an `unavailable` error on every call; the dialog makes
  // sure the agent reads it even before the console's own screens handle it.
  if (ready.kind === 'unavailable') {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'MitID Support Console',
      message: 'The Support API is not available.',
      detail: ready.reason,
    });
  }
}

// Every renderer is sandboxed, whatever a webPreferences says; app:// is privileged (both before ready).
app.enableSandbox();
registerAppScheme(protocol);
const startSettings = readSettings();
// Chromium's own texts and formats (date inputs, spell-check) follow the console's language, not the
// OS locale: a Danish agent's date filter reads dd.mm.åååå. Only takes effect before ready.
app.commandLine.appendSwitch('lang', startSettings.language === 'da' ? 'da' : 'en-GB');
if (setupSingleInstance(app, getWindow)) {
  run(startSettings).catch((error: unknown) => {
    dialog.showErrorBox('MitID Support Console', `The console could not start: ${reasonOf(error)}`);
    app.exit(1);
  });
} else {
  app.quit();
}
