import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isRendererUrl } from '../../../../electron/main/app-location';
import { guardWebContents, setupNavigationGuard } from '../../../../electron/main/navigation-guard';
import * as mock from '../../../mocks/electron';

const ownUrl = 'app://console/index.html';
const log = { warn: vi.fn() };

function navigate(contents: mock.MockWebContents, eventName: string, url: string): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('navigation guard', () => {
  beforeEach(() => {
    mock.resetElectronMock();
    log.warn.mockClear();
  });

  it('recognises only our renderer page on app:// as our own URL', () => {
    expect(isRendererUrl(ownUrl)).toBe(true);
    expect(isRendererUrl(`${ownUrl}?language=da#/call`)).toBe(true);
    expect(isRendererUrl('app://console/other.html')).toBe(false);
    expect(isRendererUrl('app://evil/index.html')).toBe(false);
    expect(isRendererUrl('app://user@console/index.html')).toBe(false);
    expect(isRendererUrl(pathToFileURL(path.join(mock.mockAppPath, 'out', 'renderer', 'index.html')).href)).toBe(false);
    expect(isRendererUrl('file:///etc/passwd')).toBe(false);
    expect(isRendererUrl('https://evil.example/index.html')).toBe(false);
    expect(isRendererUrl('not a url')).toBe(false);
  });

  it('prevents navigation and redirects away from the app, allows our own page', () => {
    const contents = new mock.MockWebContents();
    guardWebContents(contents as never, log);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', `${ownUrl}#/review`)).toBe(false);
    // The log names the origin, never the full URL (it may carry identifiers).
    expect(log.warn).toHaveBeenCalledWith('Blocked navigation to https://evil.example.');
  });

  it('denies every window.open and every <webview>', () => {
    const contents = new mock.MockWebContents();
    guardWebContents(contents as never, log);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: ownUrl })).toEqual({ action: 'deny' });
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });

  it('denies every permission request and check', () => {
    setupNavigationGuard(mock.app as never, mock.session.defaultSession as never, log);
    const s = mock.session.defaultSession;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      s.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(s.permissionCheckHandler!({}, permission, 'file://', {})).toBe(false);
    }
  });

  it('guards every webContents the app creates', () => {
    setupNavigationGuard(mock.app as never, mock.session.defaultSession as never, log);
    const contents = new mock.MockWebContents();
    mock.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
  });
});
