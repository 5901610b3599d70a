// Composition root of the desktop shell: every part is built and wired here, in this order.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, clipboard, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell, utilityProcess, type BrowserWindow } from 'electron';
import { rendererDir } from './app-location';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { setupCallLinks, type CallLinks } from './call-links';
import { trustManagedCas } from './certificate-trust';
import { setupClipboardBridge } from './clipboard-bridge';
import { setupContentSecurityPolicy } from './content-security-policy';
import { createMainWindow, readyToShow } from './create-main-window';
import { diagnosticsSummary } from './diagnostics';
import { setupDownloads } from './downloads';
import { connectSupportApi, type SupportApiConnection } from './embedded-api';
import { setupGracefulQuit } from './graceful-quit';
import { helpMenuTemplate } from './help-menu';
import { setupIpcBridge } from './ipc-bridge';
import { setupLockOnSuspend } from './lock-on-suspend';
import { logDirectory, openMainLog } from './log-files';
import { ManagedConfigError, managedConfigPath } from './managed-config';
import { setupNavigationGuard } from './navigation-guard';
import { openSettingsStore, loadStartSettings, resolveSupportApiTarget, type StartSettings, type SupportApiTarget } from './settings-store';
import { setupSettingsBridge } from './settings-bridge';
import { setupSingleInstance } from './single-instance';
import { openSupportApiSession, supportApiFetch } from './support-api-session';
import { setupUpdates, type Updater } from './updates';
import { startUtilityApi } from './utility-api';

const title = 'MitID Support Console';
let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

const logDir = logDirectory(app.getPath('userData'));
const log = openMainLog({ dir: logDir, level: 'info', toConsole: !app.isPackaged });
const store = openSettingsStore({ log });

/** electron-updater is CommonJS with a lazy getter: loaded only when updates are on. */
async function loadUpdater(cas: readonly string[]): Promise<Updater> {
  // electron-updater downloads through its own session: the managed CAs apply there too.
  trustManagedCas(session.fromPartition('electron-updater', { cache: false }), cas);
  const mod = (await import('electron-updater')) as unknown as { autoUpdater?: Updater; default?: { autoUpdater: Updater } };
  return (mod.autoUpdater ?? mod.default?.autoUpdater)!;
}

function setupHelpMenu(window: BrowserWindow, start: StartSettings, connection: Promise<SupportApiConnection>): void {
  const menu = Menu.buildFromTemplate(
    helpMenuTemplate({
      openLogFolder: () => {
        mkdirSync(logDir, { recursive: true });
        void shell.openPath(logDir);
      },
      copyDiagnostics: () => {
        void (async () => {
          const { backend } = await connection;
          clipboard.writeText(
            await diagnosticsSummary({
              appVersion: app.getVersion(),
              versions: process.versions,
              settings: start,
              managedFile: start.managed.file,
              managedPresent: start.managed.kind === 'present',
              logDir,
              backend,
            }),
          );
          await dialog.showMessageBox(window, { type: 'info', title, message: 'The diagnostics summary is on the clipboard.', detail: 'Paste it into your message to the service desk.' });
        })().catch((error: unknown) => log.error(`Diagnostics could not be copied: ${reasonOf(error)}`));
      },
    }),
  );
  Menu.setApplicationMenu(menu);
  // The window factory removes the window's own menu bar; Windows and Linux show this one instead.
  if (process.platform !== 'darwin') window.setMenu(menu);
}

async function run(start: StartSettings): Promise<void> {
  await app.whenReady();
  handleAppProtocol(protocol, rendererDir());
  setupContentSecurityPolicy(session.defaultSession);
  setupNavigationGuard(app, session.defaultSession, log);

  let target: SupportApiTarget | { kind: 'invalid'; reason: string };
  try {
    target = resolveSupportApiTarget(start);
  } catch (error) {
    target = { kind: 'invalid', reason: reasonOf(error) };
  }
  const { settings } = start;
  // The embedded API runs in a utility process (built beside this file), never in main; it writes
  // its own log file (support-api.log) in the same folder.
  const startEmbedded = ({ dataDir }: { dataDir: string }) =>
    startUtilityApi({
      fork: (entry, env) => utilityProcess.fork(entry, [], { env, serviceName: 'MitID Support API', stdio: 'inherit' }),
      entry: path.join(import.meta.dirname, 'support-api.js'),
      dataDir,
      env: { ...process.env, CONSOLE_LOG_DIR: logDir, CONSOLE_LOG_LEVEL: settings.logLevel },
      log,
    });
  const connection = connectSupportApi({
    target,
    start: startEmbedded,
    remoteFetch: (origin) => supportApiFetch(openSupportApiSession(settings.extraCaCertificates), origin),
    userDataDir: app.getPath('userData'),
    log,
  });
  const backend = () => connection.then((c) => c.backend);
  setupIpcBridge({ ipcMain, getWindow, backend, log });
  setupDownloads({ ipcMain, getWindow, dialog, backend, downloadsDir: () => app.getPath('downloads'), log });
  setupSettingsBridge({ ipcMain, getWindow, store, start, training: start.managed.kind === 'absent' });
  setupClipboardBridge({ ipcMain, getWindow, clipboard });
  setupGracefulQuit(app, async () => (await connection).close(), log);

  const { window, loaded } = createMainWindow({ settings });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  setupHelpMenu(window, start, connection);
  setupLockOnSuspend(powerMonitor, getWindow);
  void setupUpdates({ updateUrl: settings.updateUrl, isPackaged: app.isPackaged, loadUpdater: () => loadUpdater(settings.extraCaCertificates), log })
    .then((state) => log.info(state.kind === 'off' ? `Automatic updates off: ${state.reason}.` : `Checking for updates at ${state.url}.`))
    .catch((error: unknown) => log.warn(`Automatic updates could not start: ${reasonOf(error)}`));

  loaded.catch((error: unknown) => {
    dialog.showErrorBox(title, `The console could not be loaded: ${reasonOf(error)}`);
    app.quit();
  });
  const [, ready] = await Promise.all([readyToShow(window), backend()]);
  window.show();
  // The renderer also gets this reason as an `unavailable` error on every call; the dialog makes
  // sure the agent reads it even before the console's own screens handle it.
  if (ready.kind === 'unavailable') {
    await dialog.showMessageBox(window, {
      type: 'error',
      title,
      message: 'The Support API is not available.',
      detail: ready.reason,
    });
  }
}

/** A managed file that is wrong stops the start: guessing could put an agent on the wrong API. */
async function refuseToStart(error: ManagedConfigError): Promise<void> {
  log.error(error.message);
  await app.whenReady();
  dialog.showErrorBox(
    title,
    `The managed configuration is not valid, so the console cannot start.\n\nFile: ${error.file}\nField: ${error.field}\nProblem: ${error.problem}\n\nAsk your IT department to correct the file.`,
  );
  app.exit(1);
}

// Every renderer is sandboxed, whatever a webPreferences says; app:// is privileged (both before ready).
app.enableSandbox();
registerAppScheme(protocol);
let startSettings: StartSettings | undefined;
try {
  startSettings = loadStartSettings({ store, managedFile: managedConfigPath({ isPackaged: app.isPackaged }) });
} catch (error) {
  if (!(error instanceof ManagedConfigError)) throw error;
  void refuseToStart(error);
}
if (startSettings) {
  const start = startSettings;
  log.setLevel(start.settings.logLevel);
  log.info(`Console ${app.getVersion()} starting; managed configuration: ${start.managed.kind === 'present' ? start.managed.file : 'none (training console)'}.`);
  // Chromium's own texts and formats (date inputs, spell-check) follow the console's language, not the
  // OS locale: a Danish agent's date filter reads dd.mm.åååå. Only takes effect before ready.
  app.commandLine.appendSwitch('lang', start.settings.language === 'da' ? 'da' : 'en-GB');
  // A call link handed over by a second instance (Windows, Linux) goes to this one's call links.
  let callLinks: CallLinks | undefined;
  if (setupSingleInstance(app, getWindow, (argv) => callLinks?.fromCommandLine(argv))) {
    callLinks = setupCallLinks({
      app,
      ipcMain,
      getWindow,
      log,
      launch: { defaultApp: Boolean(process.defaultApp), execPath: process.execPath, appArg: process.argv[1] ? path.resolve(process.argv[1]) : undefined },
    });
    // Started by a call link (no console was running): the link is on this process's own command line.
    callLinks.fromCommandLine(process.argv);
    run(start).catch((error: unknown) => {
      log.error(`The console could not start: ${reasonOf(error)}`);
      dialog.showErrorBox(title, `The console could not start: ${reasonOf(error)}`);
      app.exit(1);
    });
  } else {
    app.quit();
  }
}
