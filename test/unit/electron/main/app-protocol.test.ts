import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, handleAppProtocol, registerAppScheme, rendererUrl } from '../../../../electron/main/app-protocol';
import { rendererCsp } from '../../../../electron/main/content-security-policy';
import * as mock from '../../../mocks/electron';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'console-app-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer folder that a traversal would reach.
  writeFileSync(path.join(base, 'secret.js'), 'secret');
  handler = createAppRequestHandler(root);
});

const get = (url: string) => handler(new Request(url));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme and nothing more', () => {
    mock.resetElectronMock();
    registerAppScheme(mock.protocol as never);
    expect(mock.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    handleAppProtocol(mock.protocol as never, root);
    expect([...mock.protocol.handlers.keys()]).toEqual(['app']);
  });

  it('serves the page with the one policy, the same in header and meta', async () => {
    const response = await get(rendererUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(rendererCsp);
    const html = await response.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(rendererCsp);
    expect(html.indexOf('<meta http-equiv')).toBeLessThan(html.indexOf('<title>'));
  });

  it('serves assets with their type and nosniff', async () => {
    const response = await get('app://console/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for another host, a path outside the renderer, an unknown type or a missing file', async () => {
    for (const url of [
      'app://other/index.html',
      'app://console/../secret.js',
      'app://console/%2e%2e/secret.js',
      'app://console/assets/..%2f..%2fsecret.js',
      'app://console/assets/',
      'app://console/missing.js',
      'app://console/index.exe',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });
});
