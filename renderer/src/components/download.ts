// Saving files from the console. Inside Electron the main process asks where to save and streams the
// download itself (the renderer has no network); in the browser preview the browser does both.

interface SaveBridge {
  saveDownload?: (request: { path: string; suggestedName: string }) => Promise<{ ok: boolean; saved?: boolean; error?: string }>;
}

/** Offers text (JSON, CSV) made in the console as a file download. */
export function downloadText(content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  clickLink(url, fileName);
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file the Support API streams (e.g. the CSV export at `/api/exports/…?ticket=…`).
 * Answers false when the user cancelled the save dialog (Electron).
 */
export async function downloadFromApi(path: string, suggestedName: string): Promise<boolean> {
  const bridge = (window as unknown as { consoleBridge?: SaveBridge }).consoleBridge;
  if (bridge?.saveDownload) {
    const result = await bridge.saveDownload({ path, suggestedName });
    if (!result.ok) throw new Error(result.error ?? 'download failed');
    return result.saved !== false;
  }
  // Same origin as the console: the browser streams it to disk, nothing is held in memory here.
  clickLink(path, suggestedName);
  return true;
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
