// The console locks itself when the OS screen locks or the machine sleeps: an unattended desk
// must not leave a signed-in console open.
import type { BrowserWindow, PowerMonitor } from 'electron';
import { lockRequestedChannel } from '../ipc-channels';

export function setupLockOnSuspend(powerMonitor: Pick<PowerMonitor, 'on'>, getWindow: () => BrowserWindow | null): void {
  const requestLock = () => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(lockRequestedChannel);
  };
  powerMonitor.on('lock-screen', requestLock);
  powerMonitor.on('suspend', requestLock);
}
