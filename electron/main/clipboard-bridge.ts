// The console window may put one short text on the clipboard (the wrap-up code for the phone system):
// the renderer has no clipboard permission (navigation-guard denies every permission), so main writes
// it, after checking the sender and the text.
import type { BrowserWindow, Clipboard, IpcMain, IpcMainInvokeEvent } from 'electron';
import { wrapUpCodeSchema } from '../../shared/settings/wrap-up-codes';
import { copyTextChannel } from '../ipc-channels';
import { isRendererUrl } from './app-location';
import { isTrustedSender } from './ipc-bridge';


export interface ClipboardBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  getWindow: () => BrowserWindow | null;
  clipboard: Pick<Clipboard, 'writeText'>;
  isOwnUrl?: (url: string) => boolean;
}

export function setupClipboardBridge(options: ClipboardBridgeOptions): () => void {
  options.ipcMain.handle(copyTextChannel, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, text: unknown) => {
    if (!isTrustedSender(event, options.getWindow(), options.isOwnUrl ?? isRendererUrl)) return false;
    const parsed = wrapUpCodeSchema.safeParse(text);
    if (!parsed.success) return false;
    options.clipboard.writeText(parsed.data);
    return true;
  });
  return () => options.ipcMain.removeHandler(copyTextChannel);
}
