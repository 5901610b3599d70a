// Reads the machine-wide configuration an IT department rolls out (see README "Installing in a
// support centre"). Absent: the console is a training console. Present but wrong: the start stops,
// naming the file and the field, because guessing could put an agent on the wrong Support API.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { managedSettingsSchema, type ManagedSettings } from '../../shared/settings/managed-settings';

/** Points at another managed file; honoured only in an unpackaged build (tests, development). */
export const managedConfigEnvVar = 'MITID_CONSOLE_MANAGED_CONFIG';

/** The documented machine-wide path per operating system. */
export function defaultManagedConfigPath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'MitID Support Console', 'config.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/MitID Support Console/config.json';
  return '/etc/mitid-support-console/config.json';
}

/**
 * Where the managed file is read from. A packaged console ignores the environment variable: an
 * agent must not be able to escape the centre's configuration by pointing at a file of their own.
 */
export function managedConfigPath(options: { isPackaged: boolean; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): string {
  const env = options.env ?? process.env;
  const override = env[managedConfigEnvVar]?.trim();
  if (override && !options.isPackaged) return override;
  return defaultManagedConfigPath(options.platform, env);
}

export class ManagedConfigError extends Error {
  constructor(
    readonly file: string,
    /** The offending field's path ("supportApiUrl", "extraCaCertificates.1"), or "(file)". */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`The managed configuration ${file} is not valid: ${field}: ${problem}`);
    this.name = 'ManagedConfigError';
  }
}

export type ManagedConfig = { kind: 'absent'; file: string } | { kind: 'present'; file: string; settings: ManagedSettings };

/** Reads and validates the managed file; throws ManagedConfigError (never a value from the file). */
export function readManagedConfig(file: string): ManagedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent', file };
    throw new ManagedConfigError(file, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let raw: unknown;
  try {
    // A UTF-8 byte-order mark, as Windows Notepad writes it, is not a JSON error.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManagedConfigError(file, '(file)', `is not JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const parsed = managedSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A nested unknown key (a misspelt outcome in wrapUpCodes) is named with its path.
    const field = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].map(String).join('.')).join(', ') : issue.path.map(String).join('.') || '(root)';
    const problem = issue.code === 'unrecognized_keys' ? 'is not a known setting' : issue.message;
    throw new ManagedConfigError(file, field, problem);
  }
  (parsed.data.extraCaCertificates ?? []).forEach((pem, index) => {
    try {
      const cert = new X509Certificate(pem);
      if (!cert.ca) throw new Error('not a CA certificate');
    } catch (error) {
      throw new ManagedConfigError(file, `extraCaCertificates.${index}`, `is not a usable CA certificate (${error instanceof Error ? error.message : 'invalid'})`);
    }
  });
  return { kind: 'present', file, settings: parsed.data };
}
