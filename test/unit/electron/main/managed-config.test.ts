// The machine-wide configuration: where it is read, how it is checked, and how it wins over the
// agent's own settings and the environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultManagedConfigPath, ManagedConfigError, managedConfigPath, readManagedConfig } from '../../../../electron/main/managed-config';
import { loadStartSettings, openSettingsStore, resolveSupportApiTarget } from '../../../../electron/main/settings-store';
import { resetElectronMock } from '../../../mocks/electron';
import { makeTestCa } from '../../../support/test-ca';

const dir = mkdtempSync(path.join(os.tmpdir(), 'managed-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ca = makeTestCa('Centre CA');
let n = 0;

function managedFile(content: unknown): string {
  const file = path.join(dir, `config-${(n += 1)}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function problem(file: string): ManagedConfigError {
  try {
    readManagedConfig(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ManagedConfigError);
    return error as ManagedConfigError;
  }
  throw new Error('expected the managed file to be refused');
}

function userStore(settings: Record<string, unknown>) {
  const cwd = mkdtempSync(path.join(dir, 'user-'));
  writeFileSync(path.join(cwd, 'console-settings.json'), JSON.stringify(settings));
  return openSettingsStore({ cwd, log: { warn() {} } });
}

describe('managed configuration', () => {
  beforeEach(() => resetElectronMock());

  it('is read from the documented machine-wide path of each system', () => {
    expect(defaultManagedConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\MitID Support Console\\config.json');
    expect(defaultManagedConfigPath('win32', {})).toBe('C:\\ProgramData\\MitID Support Console\\config.json');
    expect(defaultManagedConfigPath('darwin', {})).toBe('/Library/Application Support/MitID Support Console/config.json');
    expect(defaultManagedConfigPath('linux', {})).toBe('/etc/mitid-support-console/config.json');
  });

  it('takes another path from the environment only in an unpackaged build', () => {
    const env = { MITID_CONSOLE_MANAGED_CONFIG: '/tmp/test-config.json' };
    expect(managedConfigPath({ isPackaged: false, env, platform: 'linux' })).toBe('/tmp/test-config.json');
    // An agent must not escape the centre's file by setting a variable.
    expect(managedConfigPath({ isPackaged: true, env, platform: 'linux' })).toBe('/etc/mitid-support-console/config.json');
  });

  it('is absent without a file: a training console on the sandbox', () => {
    const file = path.join(dir, 'none.json');
    expect(readManagedConfig(file)).toEqual({ kind: 'absent', file });
    const start = loadStartSettings({ store: userStore({}), managedFile: file, env: {} });
    expect(resolveSupportApiTarget(start)).toEqual({ kind: 'embedded' });
    expect(start.locked).toEqual([]);
    expect(start.sources.supportApiUrl).toBe('default');
  });

  it('wins over the agent’s settings and the environment, and locks what it sets', () => {
    const file = managedFile(
      `\uFEFF${JSON.stringify({ supportApiUrl: 'https://support.centre.example', language: 'en', logLevel: 'warn', extraCaCertificates: [ca.caPem], updateUrl: 'https://updates.centre.example/console', wrapUpCodes: { passed: 'PW-OK' } })}`,
    );
    const start = loadStartSettings({ store: userStore({ supportApiUrl: 'embedded', language: 'da', theme: 'dark' }), managedFile: file, env: { SUPPORT_API_URL: 'embedded' } });
    expect(start.settings).toEqual({
      supportApiUrl: 'https://support.centre.example',
      language: 'en',
      theme: 'dark',
      logLevel: 'warn',
      sandboxAllowed: false,
      extraCaCertificates: [ca.caPem],
      updateUrl: 'https://updates.centre.example/console',
      wrapUpCodes: { passed: 'PW-OK' },
    });
    expect(start.sources).toEqual({
      supportApiUrl: 'managed',
      language: 'managed',
      theme: 'user',
      logLevel: 'managed',
      sandboxAllowed: 'managed',
      extraCaCertificates: 'managed',
      updateUrl: 'managed',
      wrapUpCodes: 'managed',
    });
    expect(start.locked.sort()).toEqual(['extraCaCertificates', 'language', 'logLevel', 'sandboxAllowed', 'supportApiUrl', 'updateUrl', 'wrapUpCodes']);
    // SUPPORT_API_URL=embedded does not bring the sandbox back.
    expect(resolveSupportApiTarget(start)).toEqual({ kind: 'remote', url: 'https://support.centre.example' });
  });

  it('can turn the sandbox off without naming an API: the console then says to ask IT', () => {
    const file = managedFile({ sandboxAllowed: false });
    const start = loadStartSettings({ store: userStore({}), managedFile: file, env: {} });
    expect(() => resolveSupportApiTarget(start)).toThrow(`The built-in training sandbox is turned off by the managed configuration (${file})`);
    const withUserApi = loadStartSettings({ store: userStore({ supportApiUrl: 'https://support.centre.example' }), managedFile: file, env: {} });
    expect(resolveSupportApiTarget(withUserApi)).toEqual({ kind: 'remote', url: 'https://support.centre.example' });
  });

  it.each([
    ['{ "supportApiUrl": ', '(file)', /is not JSON/],
    [{ supportApiUrl: 'https://support.centre.example', sandboxAlowed: false }, 'sandboxAlowed', /is not a known setting/],
    [{ supportApiUrl: 'ftp://support.centre.example' }, 'supportApiUrl', /http\(s\) URL/],
    [{ supportApiUrl: 'http://support.centre.example' }, 'supportApiUrl', /must be https/],
    [{ supportApiUrl: 'https://support.centre.example', sandboxAllowed: true }, 'sandboxAllowed', /cannot be true/],
    [{ language: 'fr' }, 'language', /.+/],
    [{ logLevel: 'verbose' }, 'logLevel', /.+/],
    [{ updateUrl: 'http://updates.centre.example' }, 'updateUrl', /https/],
    [{ extraCaCertificates: ['not a certificate'] }, 'extraCaCertificates.0', /PEM certificate/],
    [[], '(root)', /.+/],
    [{ wrapUpCodes: { pased: '100' } }, 'wrapUpCodes.pased', /.+/],
    [{ wrapUpCodes: { passed: 'line\nbreak' } }, 'wrapUpCodes.passed', /.+/],
  ])('stops at a bad file and names the field (%j)', (content, field, message) => {
    const file = managedFile(content);
    const error = problem(file);
    expect(error.file).toBe(file);
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(message);
    expect(error.message).toContain(file);
  });

  it('refuses a certificate that is not a CA, or does not parse', () => {
    const leafOnly = ca.serverCertPem.split(/(?<=-----END CERTIFICATE-----)/)[0]!.trim();
    expect(problem(managedFile({ extraCaCertificates: [ca.caPem, leafOnly] }))).toMatchObject({ field: 'extraCaCertificates.1', problem: expect.stringContaining('not a CA certificate') });
    const garbled = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(problem(managedFile({ extraCaCertificates: [garbled] }))).toMatchObject({ field: 'extraCaCertificates.0' });
  });
});
