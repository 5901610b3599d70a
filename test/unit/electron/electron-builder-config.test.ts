// electron-builder.yml is checked the way electron-builder itself checks it when it packages:
// its own loader (js-yaml) and its own validator (ajv against app-builder-lib/scheme.json).
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const projectDir = path.resolve(import.meta.dirname, '../../..');

type Config = Record<string, unknown> & { files?: unknown; electronFuses?: Record<string, boolean> };
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const debugLogger = { isEnabled: false, add() {} };

const config = await builderConfig.getConfig(projectDir, null, null);

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(builderConfig.validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
  });

  it('fails validation when broken (so the check above can fail)', async () => {
    const misspelt = { ...config, nsis: { oneClik: false } };
    await expect(builderConfig.validateConfiguration(misspelt, debugLogger)).rejects.toThrow(/Invalid configuration object[\s\S]*configuration\.nsis/);
    const wrongType = { ...config, electronFuses: { runAsNode: 'no' } };
    await expect(builderConfig.validateConfiguration(wrongType, debugLogger)).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app and builds nsis, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('dk.mitid.support.console');
    expect(config.productName).toBe('MitID Support Console');
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
  });

  it('packs only the built output and package.json: no sources, tests or maps', () => {
    // electron-builder's loader normalises the list into one file set.
    expect(config.files).toEqual([{ filter: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'] }]);
  });

  it('turns off the fuses that would let Node options or run-as-node bypass the shell', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('gives file:// no extra privileges: the renderer is served from app://', () => {
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
