// The preload exposes exactly one object to the renderer (placeholder until the hardened shell lands).
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('consoleBridge', {
  invoke: (operation: string, input: unknown) => ipcRenderer.invoke('console-api', operation, input),
});
