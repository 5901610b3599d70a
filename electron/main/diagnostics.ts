// The summary an agent copies for the service desk (Help → Copy diagnostics): versions, where each
// setting came from, and whether the Support API answers. No personal data and no secrets: CA
// certificates appear by subject and expiry, the API by its origin only.
import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import type { ConsoleApi } from '../../shared/api/index';
import type { EffectiveSettings, LayeredSettings, SettingKey } from '../../shared/settings/managed-settings';
import type { ApiBackend } from './ipc-bridge';

export interface DiagnosticsInput {
  appVersion: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  settings: LayeredSettings;
  managedFile: string;
  managedPresent: boolean;
  logDir: string;
  backend: ApiBackend;
  platform?: string;
}

function describeValue(key: SettingKey, value: EffectiveSettings[SettingKey]): string {
  if (key === 'extraCaCertificates') {
    const cas = value as string[];
    if (cas.length === 0) return 'none';
    return cas
      .map((pem) => {
        try {
          const cert = new X509Certificate(pem);
          return `${cert.subject.replace(/\n/g, ', ')} (until ${cert.validTo})`;
        } catch {
          return 'unreadable certificate';
        }
      })
      .join('; ');
  }
  return value === null ? 'not set' : String(value);
}

async function describeHealth(backend: ApiBackend): Promise<string> {
  if (backend.kind === 'unavailable') return `unavailable: ${backend.reason}`;
  try {
    const health = await (backend.client as ConsoleApi).getHealth({});
    return `ok (version ${health.version}, database ${health.database}${health.sandbox ? ', sandbox' : ''})`;
  } catch (error) {
    return `no answer: ${error instanceof Error ? error.message : 'unknown error'}`;
  }
}

export async function diagnosticsSummary(input: DiagnosticsInput): Promise<string> {
  const { settings, sources } = input.settings;
  const lines = [
    'MitID Support Console — diagnostics',
    `Generated: ${new Date().toISOString()}`,
    `Console: ${input.appVersion}`,
    `Electron: ${input.versions.electron ?? '?'}, Chromium: ${input.versions.chrome ?? '?'}, Node: ${input.versions.node ?? '?'}`,
    `System: ${input.platform ?? `${os.type()} ${os.release()} ${os.arch()}`}`,
    `Managed configuration: ${input.managedFile} (${input.managedPresent ? 'in use' : 'none: training console'})`,
    `Log folder: ${input.logDir}`,
    `Support API: ${await describeHealth(input.backend)}`,
    'Settings (value — source):',
    ...(Object.keys(settings) as SettingKey[]).map((key) => `  ${key}: ${describeValue(key, settings[key])} — ${sources[key]}`),
  ];
  return `${lines.join('\n')}\n`;
}
