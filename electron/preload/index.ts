// The preload exposes exactly one object to the renderer, `window.consoleBridge`, and nothing else.
// It holds no logic: main checks every call. Bundled to CommonJS (sandboxed preloads cannot load ESM).
import { contextBridge, ipcRenderer } from 'electron';
import type { OperationName } from '../../shared/api/index';
import type { BridgeResult, ConsoleBridge } from '../../shared/api-client/ipc-client';
import type { DesktopSettingsChange, DesktopSettingsResult } from '../../shared/settings/desktop-settings';
import { consoleApiChannel, consoleSettingsChannel, lockRequestedChannel } from '../ipc-channels';

const consoleBridge: ConsoleBridge = {
  invoke: (operation: OperationName, input: unknown) => ipcRenderer.invoke(consoleApiChannel, operation, input) as Promise<BridgeResult>,
  settings: {
    get: () => ipcRenderer.invoke(consoleSettingsChannel, { op: 'get' }) as Promise<DesktopSettingsResult>,
    update: (change: DesktopSettingsChange) => ipcRenderer.invoke(consoleSettingsChannel, { op: 'update', change }) as Promise<DesktopSettingsResult>,
  },
  onLockRequested(listener: () => void) {
    // The IPC event (with its sender) never reaches the page: the listener is called bare.
    const handler = () => listener();
    ipcRenderer.on(lockRequestedChannel, handler);
    return () => {
      ipcRenderer.removeListener(lockRequestedChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('consoleBridge', consoleBridge);
