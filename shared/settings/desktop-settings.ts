// What the console window may read and change of the desktop settings, through the preload bridge.
import { z } from 'zod';
import { languageSchema, themeSchema, type Language, type Theme } from './console-settings';
import type { SettingKey } from './managed-settings';
import type { WrapUpCodes } from './wrap-up-codes';

/** The only settings the console window may change; main parses every request with this. */
export const desktopSettingsChangeSchema = z.strictObject({
  language: languageSchema.optional(),
  theme: themeSchema.optional(),
});
export type DesktopSettingsChange = z.infer<typeof desktopSettingsChangeSchema>;

export interface DesktopSettingsView {
  language: Language;
  theme: Theme;
  /** Settings the managed configuration fixes: the console shows them locked. */
  locked: SettingKey[];
  /** No managed configuration: a training console on the built-in sandbox. */
  training: boolean;
  /** The centre's wrap-up codes (managed configuration); outcomes not listed keep the defaults. */
  wrapUpCodes: WrapUpCodes;
}

export type DesktopSettingsResult = { ok: true; value: DesktopSettingsView } | { ok: false; error: { message: string } };

/** `window.consoleBridge.settings`: read the view; save language or theme to the settings file. */
export interface DesktopSettingsBridge {
  get(): Promise<DesktopSettingsResult>;
  update(change: DesktopSettingsChange): Promise<DesktopSettingsResult>;
}
