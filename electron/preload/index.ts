// The preload exposes exactly one object to the renderer, `window.consoleBridge`, and nothing else.
// It holds no logic: main checks every call. Bundled to CommonJS (sandboxed preloads cannot load ESM).
import { contextBridge, ipcRenderer } from 'electron';
import type { OperationName } from '../../shared/api/index';
import type { DesktopSettingsChange, DesktopSettingsResult } from '../../shared/settings/desktop-settings';
import type { PhoneCall } from '../../shared/domain/phone-call/call-link';
import type {
  BridgeResult,
  ConsoleBridge,
  DownloadProgress,
  SaveDownloadRequest,
  SaveResult,
  SaveTextRequest,
} from '../../shared/api-client/ipc-client';
import {
  callLinkArrivedChannel,
  cancelDownloadChannel,
  copyTextChannel,
  consoleApiChannel,
  consoleSettingsChannel,
  downloadProgressChannel,
  lockRequestedChannel,
  saveDownloadChannel,
  saveTextChannel,
  takeCallLinkChannel,
} from '../ipc-channels';

/** Subscribes to a main → renderer message; the IPC event (with its sender) never reaches the page. */
function subscribe<T extends unknown[]>(channel: string, listener: (...args: T) => void): () => void {
  const handler = (_event: unknown, ...args: unknown[]) => listener(...(args as T));
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const consoleBridge: ConsoleBridge = {
  invoke: (operation: OperationName, input: unknown) => ipcRenderer.invoke(consoleApiChannel, operation, input) as Promise<BridgeResult>,
  settings: {
    get: () => ipcRenderer.invoke(consoleSettingsChannel, { op: 'get' }) as Promise<DesktopSettingsResult>,
    update: (change: DesktopSettingsChange) => ipcRenderer.invoke(consoleSettingsChannel, { op: 'update', change }) as Promise<DesktopSettingsResult>,
  },
  onLockRequested: (listener: () => void) => subscribe(lockRequestedChannel, () => listener()),
  saveDownload: (request: SaveDownloadRequest) => ipcRenderer.invoke(saveDownloadChannel, request) as Promise<SaveResult>,
  saveText: (request: SaveTextRequest) => ipcRenderer.invoke(saveTextChannel, request) as Promise<SaveResult>,
  cancelDownload: async () => {
    await ipcRenderer.invoke(cancelDownloadChannel);
  },
  onDownloadProgress: (listener: (progress: DownloadProgress) => void) =>
    subscribe(downloadProgressChannel, (progress: DownloadProgress) => listener(progress)),
  onCallLink: (listener: () => void) => subscribe(callLinkArrivedChannel, () => listener()),
  takeCallLink: () => ipcRenderer.invoke(takeCallLinkChannel) as Promise<PhoneCall | null>,
  copyText: (text: string) => ipcRenderer.invoke(copyTextChannel, text) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('consoleBridge', consoleBridge);
