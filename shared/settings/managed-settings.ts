// The machine-wide ("managed") configuration an IT department puts on every agent PC, and how it is
// layered over the agent's own settings. Pure: reading the file and checking certificates is main's job.
import { z } from 'zod';
import {
  consoleSettingsSchema,
  defaultConsoleSettings,
  languageSchema,
  logLevelSchema,
  supportApiUrlSchema,
  themeSchema,
  type ConsoleSettings,
} from './console-settings';
import { wrapUpCodesSchema, type WrapUpCodes } from './wrap-up-codes';

/** Scheme and host of an http(s) URL (shared/ has no URL class: neither DOM nor Node here). */
function schemeAndHost(url: string): { scheme: string; host: string } | undefined {
  const match = /^(https?):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]+)/i.exec(url.trim());
  return match ? { scheme: match[1]!.toLowerCase(), host: match[2]!.toLowerCase() } : undefined;
}

/** Whether an http(s) URL points at this machine (the only place plain http is acceptable). */
export function isLoopbackUrl(url: string): boolean {
  const host = schemeAndHost(url)?.host ?? '';
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Why a Support API URL may not be used, or undefined: a shared API off this machine must be https. */
export function insecureSupportApiReason(url: string): string | undefined {
  if (url === 'embedded') return undefined;
  const parts = schemeAndHost(url);
  if (parts?.scheme === 'https' || isLoopbackUrl(url)) return undefined;
  return `The Support API at ${url} uses plain http. A Support API on another machine must use https: the session token and callers' details would otherwise cross the network unencrypted. Ask IT to set an https address.`;
}

const pemCertificate = z
  .string()
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/, 'must be a PEM certificate (-----BEGIN CERTIFICATE----- …)');

/**
 * The managed file. Strict: an unknown key is a typo that would otherwise be silently ignored, and
 * IT must learn about it when the console starts, not when an agent works against the wrong API.
 */
export const managedSettingsSchema = z
  .strictObject({
    supportApiUrl: supportApiUrlSchema.optional(),
    sandboxAllowed: z.boolean().optional(),
    extraCaCertificates: z.array(pemCertificate).optional(),
    language: languageSchema.optional(),
    theme: themeSchema.optional(),
    logLevel: logLevelSchema.optional(),
    updateUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
    /** The centre's wrap-up code per outcome reason (the phone system's after-call work). */
    wrapUpCodes: wrapUpCodesSchema.optional(),
  })
  .superRefine((managed, ctx) => {
    const url = managed.supportApiUrl;
    if (url && url !== 'embedded') {
      const reason = insecureSupportApiReason(url);
      if (reason) ctx.addIssue({ code: 'custom', path: ['supportApiUrl'], message: 'must be https (or a loopback address)' });
      if (managed.sandboxAllowed === true) {
        ctx.addIssue({ code: 'custom', path: ['sandboxAllowed'], message: 'cannot be true when supportApiUrl names a shared Support API' });
      }
    }
    if (url === 'embedded' && managed.sandboxAllowed === false) {
      ctx.addIssue({ code: 'custom', path: ['sandboxAllowed'], message: 'cannot be false when supportApiUrl is "embedded"' });
    }
  });
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;

/** Everything the shell runs on: the agent's settings plus the keys only IT can set. */
export interface EffectiveSettings extends ConsoleSettings {
  sandboxAllowed: boolean;
  extraCaCertificates: string[];
  /** Where electron-updater looks for new versions; null: no automatic updates. */
  updateUrl: string | null;
  /** The centre's wrap-up codes; outcomes not listed keep the defaults (shared/settings/wrap-up-codes.ts). */
  wrapUpCodes: WrapUpCodes;
}
export type SettingKey = keyof EffectiveSettings;
export type SettingSource = 'default' | 'user' | 'env' | 'managed';

export interface LayeredSettings {
  settings: EffectiveSettings;
  /** Where each value came from (for the diagnostics summary). */
  sources: Record<SettingKey, SettingSource>;
  /** Keys the agent cannot change in the console. */
  locked: SettingKey[];
}

export interface SettingLayers {
  /** The agent's settings file, parsed (defaults filled in) … */
  user: ConsoleSettings;
  /** … and the keys that file actually holds. */
  userKeys: readonly (keyof ConsoleSettings)[];
  /** SUPPORT_API_URL from the environment, already parsed. */
  envSupportApiUrl?: ConsoleSettings['supportApiUrl'];
  managed?: ManagedSettings;
}

/**
 * default < user < environment < managed. The managed file wins over the environment too: an agent
 * must not be able to leave the centre's API by starting the console with SUPPORT_API_URL set.
 */
export function layerSettings(layers: SettingLayers): LayeredSettings {
  const managed = layers.managed ?? {};
  const settings: EffectiveSettings = {
    ...defaultConsoleSettings,
    sandboxAllowed: true,
    extraCaCertificates: [],
    updateUrl: null,
    wrapUpCodes: {},
  };
  const sources = Object.fromEntries(Object.keys(settings).map((k) => [k, 'default'])) as Record<SettingKey, SettingSource>;
  const set = <K extends SettingKey>(key: K, value: EffectiveSettings[K], source: SettingSource) => {
    settings[key] = value;
    sources[key] = source;
  };
  for (const key of Object.keys(consoleSettingsSchema.shape) as (keyof ConsoleSettings)[]) {
    if (layers.userKeys.includes(key)) set(key, layers.user[key], 'user');
  }
  if (layers.envSupportApiUrl) set('supportApiUrl', layers.envSupportApiUrl, 'env');
  for (const [key, value] of Object.entries(managed) as [SettingKey, never][]) {
    if (value !== undefined) set(key, value, 'managed');
  }
  // A managed shared API rules the sandbox out, whatever else says so.
  if (managed.supportApiUrl && managed.supportApiUrl !== 'embedded') set('sandboxAllowed', false, 'managed');
  const locked = (Object.keys(sources) as SettingKey[]).filter((k) => sources[k] === 'managed');
  return { settings, sources, locked };
}
