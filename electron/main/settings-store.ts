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

  function read(): ConsoleSettings {
    let store: Store<Record<string, unknown>>;
    let raw: unknown;
    try {
      store = open();
      raw = store.store;
    } catch (error) {
      // Not JSON: the file is kept as it is for a human to look at; the console runs on defaults.
      log.warn(`The settings file could not be read (${reasonOf(error)}); using defaults.`);
      return { ...defaultConsoleSettings };
    }
    const { settings, invalidKeys } = parseConsoleSettings(raw);
    if (invalidKeys.length > 0) log.warn(`Invalid settings in ${store.path} (${invalidKeys.join(', ')}); using their defaults.`);
    return settings;
  }

  function update(change: Partial<ConsoleSettings>): ConsoleSettings {
    const next = consoleSettingsSchema.parse({ ...read(), ...change });
    open().store = next;
    return next;
  }

  return { read, update };
}

export type SupportApiTarget = { kind: 'embedded' } | { kind: 'remote'; url: string };

/**
 * Where the Support API is: SUPPORT_API_URL (environment) wins over the stored setting. A bad
 * environment value is an error, not a silent fall-back to the embedded sandbox API: an agent
 * must never work against the sandbox believing it is the team's API.
 */
export function resolveSupportApiTarget(settings: ConsoleSettings, env: NodeJS.ProcessEnv = process.env): SupportApiTarget {
  const fromEnv = env.SUPPORT_API_URL?.trim();
  let value = settings.supportApiUrl;
  if (fromEnv) {
    const parsed = supportApiUrlSchema.safeParse(fromEnv);
    if (!parsed.success) throw new Error('SUPPORT_API_URL must be "embedded" or an http(s) URL.');
    value = parsed.data;
  }
  return value === 'embedded' ? { kind: 'embedded' } : { kind: 'remote', url: new URL(value).origin };
}
