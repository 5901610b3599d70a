// electron-builder.yml is checked the way electron-builder itself checks it when it packages:
// its own loader (js-yaml) and its own validator (ajv against app-builder-lib/scheme.json).
import { readFileSync } from 'node:fs';
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

  it('associates the call-link scheme the shell parses (macOS Info.plist, Linux .desktop)', async () => {
    const { callLinkScheme } = await import('../../../shared/domain/phone-call/index');
    expect(config.protocols).toEqual([{ name: 'MitID Support Console call link', schemes: [callLinkScheme] }]);
  });

  it('registers the call-link scheme on Windows from the NSIS installer, for all users when installed per machine', async () => {
    const { callLinkScheme } = await import('../../../shared/domain/phone-call/index');
    expect(config.nsis).toMatchObject({ include: 'build/installer.nsh' });
    const nsh = readFileSync(path.join(projectDir, 'build/installer.nsh'), 'utf8');
    const macro = (name: string) => nsh.match(new RegExp(`^!macro ${name}\\n([\\s\\S]*?)^!macroend`, 'm'))?.[1] ?? '';
    const install = macro('customInstall');
    const key = `Software\\Classes\\${callLinkScheme}`;
    // SHELL_CONTEXT: HKLM when NSIS installs for all users, HKCU for one user; never a fixed HKCU.
    expect(install).toContain(`WriteRegStr SHELL_CONTEXT "${key}" "URL Protocol" ""`);
    expect(install).toContain(`WriteRegStr SHELL_CONTEXT "${key}\\shell\\open\\command" "" '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`);
    const code = nsh.split('\n').filter((line) => !line.startsWith(';')).join('\n');
    expect(code).not.toMatch(/\bHKCU\b|\bHKLM\b/);
    expect(macro('customUnInstall')).toContain(`DeleteRegKey SHELL_CONTEXT "${key}"`);
  });

  it('names the app and builds NSIS and MSI, dmg, AppImage and deb', () => {
    expect(config.appId).toBe('dk.mitid.support.console');
    expect(config.productName).toBe('MitID Support Console');
    expect(config.win).toMatchObject({ target: ['nsis', 'msi'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
  });

  it('validates each target on its own, as a build for one platform sees the configuration', async () => {
    const targets: Record<string, string[]> = { win: ['nsis', 'msi'], mac: ['dmg'], linux: ['AppImage', 'deb'] };
    for (const [platform, names] of Object.entries(targets)) {
      for (const name of names) {
        const single = { ...config, [platform]: { ...(config[platform] as object), target: [name] } };
        await expect(builderConfig.validateConfiguration(single, debugLogger), `${platform} ${name}`).resolves.toBeUndefined();
      }
    }
  });

  it('offers a per-machine install: NSIS lets the installer choose, the MSI is per machine and silent', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true, upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // A deb needs a maintainer and a description.
    expect(config.linux).toMatchObject({ maintainer: expect.any(String), description: expect.any(String) });
  });

  it('has one 1024×1024 PNG icon for every target', () => {
    expect(config.icon).toBe('build/icon.png');
    for (const platform of ['win', 'mac', 'linux']) expect((config[platform] as { icon?: string }).icon).toBe('build/icon.png');
    const png = readFileSync(path.join(projectDir, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('publishes update metadata for electron-updater’s generic provider, and signs only through the environment', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
    const text = readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
    // No certificate or password in the file: CSC_LINK / WIN_CSC_LINK … come from the environment.
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSubjectName)\s*:/m);
  });

  it('packs only the built output and package.json, without what the runtime never loads', () => {
    // electron-builder's loader normalises the list into one file set.
    const [set] = config.files as { filter: string[] }[];
    expect(set!.filter.slice(0, 5)).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']);
    expect(set!.filter).toContain('!node_modules/@electric-sql/pglite/dist/{*.tar.gz,contrib,live,worker,node-postgres,templating.*}');
  });

  it('keeps the renderer’s libraries and the build tools out of the runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const runtime = Object.keys(pkg.dependencies);
    for (const name of ['react', 'react-dom', '@mui/material', '@emotion/react', 'i18next', 'react-router', 'react-hook-form', 'tsx', 'esbuild', 'vite']) {
      expect(runtime, name).not.toContain(name);
    }
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
