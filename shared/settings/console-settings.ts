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

export const consoleSettingsSchema = z.object({
  supportApiUrl: supportApiUrlSchema.default('embedded'),
  language: languageSchema.default('da'),
  theme: themeSchema.default('system'),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const defaultConsoleSettings: ConsoleSettings = Object.freeze(consoleSettingsSchema.parse({}));

export interface SettingsParseResult {
  settings: ConsoleSettings;
  /** Keys whose stored value was invalid and replaced by the default (paths only, never values). */
  invalidKeys: string[];
}

/**
 * Parses stored settings. A key with an invalid value falls back to its default on its own, so one
 * bad entry does not throw away the others; anything that is not an object gives all defaults.
 */
export function parseConsoleSettings(raw: unknown): SettingsParseResult {
  const whole = consoleSettingsSchema.safeParse(raw ?? {});
  if (whole.success) return { settings: whole.data, invalidKeys: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: { ...defaultConsoleSettings }, invalidKeys: ['(root)'] };
  }
  const record = raw as Record<string, unknown>;
  const settings = { ...defaultConsoleSettings } as Record<keyof ConsoleSettings, unknown>;
  const invalidKeys: string[] = [];
  for (const key of Object.keys(consoleSettingsSchema.shape) as (keyof ConsoleSettings)[]) {
    const field = consoleSettingsSchema.shape[key].safeParse(record[key]);
    if (field.success) settings[key] = field.data;
    else invalidKeys.push(key);
  }
  return { settings: settings as ConsoleSettings, invalidKeys };
}
