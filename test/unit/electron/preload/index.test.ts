import { describe, expect, it, vi } from 'vitest';
import type { ConsoleBridge } from '../../../../shared/api-client/ipc-client';

/** Runs the preload script afresh against a fresh Electron stand-in, as Electron does per page load. */
async function runPreload() {
  vi.resetModules();
  const electron = await import('../../../mocks/electron');
  await import('../../../../electron/preload/index');
  return { electron, bridge: electron.exposedInMainWorld.consoleBridge as ConsoleBridge };
}

describe('preload', () => {
  it('exposes exactly one object, consoleBridge, with exactly the bridge calls', async () => {
    const { electron, bridge } = await runPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(electron.exposedInMainWorld)).toEqual(['consoleBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['cancelDownload', 'copyText', 'invoke', 'onCallLink', 'onDownloadProgress', 'onLockRequested', 'saveDownload', 'saveText', 'settings', 'takeCallLink']);
    expect(Object.keys(bridge.settings).sort()).toEqual(['get', 'update']);
  });

  it('reads and changes the desktop settings over their own channel', async () => {
    const { electron, bridge } = await runPreload();
    await bridge.settings.get();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:settings', { op: 'get' });
    await bridge.settings.update({ language: 'en' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:settings', { op: 'update', change: { language: 'en' } });
  });

  it('sends every call over the one console-api channel', async () => {
    const { electron, bridge } = await runPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    await expect(bridge.invoke('getHealth', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('console-api', 'getHealth', {});
  });

  it('calls lock listeners without the IPC event, and unsubscribes', async () => {
    const { electron, bridge } = await runPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.onLockRequested(listener);
    electron.ipcRenderer.emit('console:lock-requested', { sender: 'the IPC event must not leak' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    electron.ipcRenderer.emit('console:lock-requested', {});
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.listenerCount('console:lock-requested')).toBe(0);
  });

  it('takes call links and copies wrap-up codes over their own channels', async () => {
    const { electron, bridge } = await runPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.onCallLink(listener);
    electron.ipcRenderer.emit('console:call-link-arrived', { sender: 'not for the page' });
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    await bridge.takeCallLink();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:take-call-link');
    await bridge.copyText('100');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:copy-text', '100');
  });

  it('sends saves and cancels over their own channels', async () => {
    const { electron, bridge } = await runPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, saved: false });
    const request = { path: '/api/exports/verifications.csv?ticket=x', suggestedName: 'v.csv' };
    await expect(bridge.saveDownload(request)).resolves.toEqual({ ok: true, saved: false });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:save-download', request);
    await bridge.saveText({ content: '{}', suggestedName: 'a.json' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:save-text', { content: '{}', suggestedName: 'a.json' });
    await bridge.cancelDownload();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('console:cancel-download');
  });

  it('passes download progress on without the IPC event', async () => {
    const { electron, bridge } = await runPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.onDownloadProgress(listener);
    electron.ipcRenderer.emit('console:download-progress', { sender: 'not for the page' }, { received: 10, total: null });
    expect(listener).toHaveBeenCalledWith({ received: 10, total: null });
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount('console:download-progress')).toBe(0);
  });
});
