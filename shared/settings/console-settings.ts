// The console's own settings (what electron-store keeps): one schema, parsed wherever they are read.
import { z } from 'zod';

/** "embedded" starts the Support API inside the app; otherwise the http(s) origin of a shared one. */
export const supportApiUrlSchema = z.union([
  z.literal('embedded'),
  z.url({ protocol: /^https?$/, error: 'must be "embedded" or an http(s) URL' }),
]);
export type SupportApiUrl = z.infer<typeof supportApiUrlSchema>;

export const languageSchema = z.enum(['da', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const themeSchema = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof themeSchema>;

/** How much main and the embedded API write to their log files. */
export const logLevelSchema = z.enum(['error', 'warn', 'info', 'debug']);
export type LogLevel = z.infer<typeof logLevelSchema>;

export const consoleSettingsSchema = z.object({
  supportApiUrl: supportApiUrlSchema.default('embedded'),
  language: languageSchema.default('da'),
  theme: themeSchema.default('system'),
  logLevel: logLevelSchema.default('info'),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const defaultConsoleSettings: ConsoleSettings = Object.freeze(consoleSettingsSchema.parse({}));

export interface SettingsParseResult {
  settings: ConsoleSettings;
  /** Keys the stored object holds with a valid value (the rest are defaults). */
  storedKeys: (keyof ConsoleSettings)[];
  /** Keys whose stored value was invalid and replaced by the default (paths only, never values). */
  invalidKeys: string[];
}

/**
 * Parses stored settings. A key with an invalid value falls back to its default on its own, so one
 * bad entry does not throw away the others; anything that is not an object gives all defaults.
 */
export function parseConsoleSettings(raw: unknown): SettingsParseResult {
  const keys = Object.keys(consoleSettingsSchema.shape) as (keyof ConsoleSettings)[];
  const whole = consoleSettingsSchema.safeParse(raw ?? {});
  const record = (raw ?? {}) as Record<string, unknown>;
  if (whole.success) return { settings: whole.data, storedKeys: keys.filter((k) => record[k] !== undefined), invalidKeys: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: { ...defaultConsoleSettings }, storedKeys: [], invalidKeys: ['(root)'] };
  }
  const settings = { ...defaultConsoleSettings } as Record<keyof ConsoleSettings, unknown>;
  const invalidKeys: string[] = [];
  const storedKeys: (keyof ConsoleSettings)[] = [];
  for (const key of keys) {
    const field = consoleSettingsSchema.shape[key].safeParse(record[key]);
    if (!field.success) invalidKeys.push(key);
    else {
      settings[key] = field.data;
      if (record[key] !== undefined) storedKeys.push(key);
    }
  }
  return { settings: settings as ConsoleSettings, storedKeys, invalidKeys };
}
