// The console's settings on disk (electron-store), parsed with the shared schema on every read.
import { ipcMain } from 'electron';
import Store from 'electron-store';
import {
  consoleSettingsSchema,
  defaultConsoleSettings,
  parseConsoleSettings,
  supportApiUrlSchema,
  type ConsoleSettings,
} from '../../shared/settings/console-settings';
import { insecureSupportApiReason, layerSettings, type LayeredSettings } from '../../shared/settings/managed-settings';
import { readManagedConfig, type ManagedConfig } from './managed-config';

export interface SettingsLog {
  warn(message: string): void;
}

export interface SettingsStoreOptions {
  /** Folder of the settings file; electron-store's default is the app's user-data folder. */
  cwd?: string;
  log?: SettingsLog;
}

export interface SettingsStore {
  /** The stored settings, invalid values replaced by their defaults (and logged). */
  read(): ConsoleSettings;
  /** The same, with the keys the file actually holds (the rest are defaults). */
  readLayer(): { settings: ConsoleSettings; storedKeys: (keyof ConsoleSettings)[] };
  /** Validates and saves a change; throws on an invalid value so nothing bad reaches the file. */
  update(change: Partial<ConsoleSettings>): ConsoleSettings;
}

/** The channel electron-store listens on in main (electron-store 12, index.js). */
const electronStoreChannel = 'electron-store-get-data';

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'unknown error';
}

export function openSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
  const log = options.log ?? console;
  const storeOptions = { name: 'console-settings', ...(options.cwd ? { cwd: options.cwd } : {}) };
  // electron-store reads the file when it is constructed (and throws if it is not JSON), so it is
  // opened on each use: a broken file gives defaults now and is read again once a human fixes it.
  // No electron-store schema or defaults: the zod schema is the one source of truth, applied on read.
  const open = () => {
    const store = new Store<Record<string, unknown>>(storeOptions);
    // electron-store registers an IPC channel for renderer-side stores; this app has none, and the
    // console-api channel is to stay the only one, so it is removed again.
    ipcMain.removeAllListeners(electronStoreChannel);
    return store;
  };

  function readLayer(): { settings: ConsoleSettings; storedKeys: (keyof ConsoleSettings)[] } {
    let store: Store<Record<string, unknown>>;
    let raw: unknown;
    try {
      store = open();
      raw = store.store;
    } catch (error) {
      // Not JSON: the file is kept as it is for a human to look at; the console runs on defaults.
      log.warn(`The settings file could not be read (${reasonOf(error)}); using defaults.`);
      return { settings: { ...defaultConsoleSettings }, storedKeys: [] };
    }
    const { settings, storedKeys, invalidKeys } = parseConsoleSettings(raw);
    if (invalidKeys.length > 0) log.warn(`Invalid settings in ${store.path} (${invalidKeys.join(', ')}); using their defaults.`);
    return { settings, storedKeys };
  }

  const read = (): ConsoleSettings => readLayer().settings;

  function update(change: Partial<ConsoleSettings>): ConsoleSettings {
    const next = consoleSettingsSchema.parse({ ...read(), ...change });
    open().store = next;
    return next;
  }

  return { read, readLayer, update };
}

export type SupportApiTarget = { kind: 'embedded' } | { kind: 'remote'; url: string };

export interface StartSettings extends LayeredSettings {
  managed: ManagedConfig;
  /** SUPPORT_API_URL was set but is not valid (it is then not used). */
  envError?: string;
}

/**
 * The settings the shell runs on: defaults, the agent's file, SUPPORT_API_URL, then the managed file
 * (which throws ManagedConfigError when it is wrong: the caller stops the start).
 */
export function loadStartSettings(options: { store: Pick<SettingsStore, 'readLayer'>; managedFile: string; env?: NodeJS.ProcessEnv }): StartSettings {
  const managed = readManagedConfig(options.managedFile);
  const { settings: user, storedKeys } = options.store.readLayer();
  const fromEnv = (options.env ?? process.env).SUPPORT_API_URL?.trim();
  const envParsed = fromEnv ? supportApiUrlSchema.safeParse(fromEnv) : undefined;
  const layered = layerSettings({
    user,
    userKeys: storedKeys,
    ...(envParsed?.success ? { envSupportApiUrl: envParsed.data } : {}),
    ...(managed.kind === 'present' ? { managed: managed.settings } : {}),
  });
  return {
    ...layered,
    managed,
    ...(envParsed && !envParsed.success ? { envError: 'SUPPORT_API_URL must be "embedded" or an http(s) URL.' } : {}),
  };
}

/**
 * Where the Support API is. A bad SUPPORT_API_URL is an error, not a silent fall-back to the embedded
 * sandbox API: an agent must never work against the sandbox believing it is the team's API. Throws
 * with a reason the console shows when the target may not be used.
 */
export function resolveSupportApiTarget(start: StartSettings): SupportApiTarget {
  if (start.envError && start.sources.supportApiUrl !== 'managed') throw new Error(start.envError);
  const url = start.settings.supportApiUrl;
  if (url === 'embedded') {
    if (!start.settings.sandboxAllowed) {
      throw new Error(`The built-in training sandbox is turned off by the managed configuration (${start.managed.file}), and no shared Support API is set. Ask IT to set supportApiUrl there.`);
    }
    return { kind: 'embedded' };
  }
  const insecure = insecureSupportApiReason(url);
  if (insecure) throw new Error(insecure);
  return { kind: 'remote', url: new URL(url).origin };
}
