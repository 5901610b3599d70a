// Saving files from the console. Inside Electron the main process asks where to save and writes the
// file itself (the renderer has no network and no file system); in the browser preview the browser
// does both, so all the console can say there is that the download was handed to it.
import { ApiError, errorCodes } from '../../../shared/api/api-error';
import type { DownloadProgress, SaveResult } from '../../../shared/api-client/ipc-client';

/** How a save ended: written by the desktop shell, handed to the browser, or cancelled by the user. */
export type SaveOutcome = { kind: 'written'; bytes: number } | { kind: 'browser' } | { kind: 'cancelled' };

function outcomeOf(result: SaveResult): SaveOutcome {
  if (!result.ok) throw new ApiError(0, result.error.code || errorCodes.internal, result.error.message);
  return result.saved ? { kind: 'written', bytes: result.bytes } : { kind: 'cancelled' };
}

/** Whether a running download can be cancelled from the console (only the desktop shell streams it itself). */
export function downloadsAreCancellable(): boolean {
  return Boolean(window.consoleBridge);
}

/** Offers text (JSON, CSV) made in the console as a file. */
export async function saveText(content: string, fileName: string, type: string): Promise<SaveOutcome> {
  const bridge = window.consoleBridge;
  if (bridge) return outcomeOf(await bridge.saveText({ content, suggestedName: fileName }));
  const url = URL.createObjectURL(new Blob([content], { type }));
  clickLink(url, fileName);
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { kind: 'browser' };
}

/**
 * Downloads a file the Support API streams (the CSV export at `/api/exports/…?ticket=…`). In the
 * desktop shell, `onProgress` hears the bytes written so far; a failure throws an ApiError.
 */
export async function downloadFromApi(path: string, suggestedName: string, onProgress?: (progress: DownloadProgress) => void): Promise<SaveOutcome> {
  const bridge = window.consoleBridge;
  if (bridge) {
    const unsubscribe = onProgress ? bridge.onDownloadProgress(onProgress) : undefined;
    try {
      return outcomeOf(await bridge.saveDownload({ path, suggestedName }));
    } finally {
      unsubscribe?.();
    }
  }
  // Same origin as the console: the browser streams it to disk, nothing is held in memory here.
  clickLink(path, suggestedName);
  return { kind: 'browser' };
}

/** Stops the running download (desktop shell); downloadFromApi then answers `cancelled`. */
export function cancelDownload(): void {
  void window.consoleBridge?.cancelDownload();
}

function clickLink(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
