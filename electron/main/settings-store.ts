// The console's settings on disk (electron-store), parsed with the shared schema on every read.
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
  readonly path: string;
}

export function openSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
  const log = options.log ?? console;
  // No electron-store schema or defaults: the zod schema is the one source of truth, applied on read.
  const store = new Store<Record<string, unknown>>({ name: 'console-settings', ...(options.cwd ? { cwd: options.cwd } : {}) });

  function read(): ConsoleSettings {
    let raw: unknown;
    try {
      raw = store.store;
    } catch (error) {
      // A file that is not JSON: keep it for a human to look at, run on defaults.
      log.warn(`Settings file ${store.path} could not be read (${error instanceof Error ? error.message : 'unknown error'}); using defaults.`);
      return { ...defaultConsoleSettings };
    }
    const { settings, invalidKeys } = parseConsoleSettings(raw);
    if (invalidKeys.length > 0) log.warn(`Invalid settings in ${store.path} (${invalidKeys.join(', ')}); using their defaults.`);
    return settings;
  }

  function update(change: Partial<ConsoleSettings>): ConsoleSettings {
    const next = consoleSettingsSchema.parse({ ...read(), ...change });
    store.store = next;
    return next;
  }

  return { read, update, path: store.path };
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
