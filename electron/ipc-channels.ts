// Channel names shared by main and preload: the only messages that cross the bridge.

/** Renderer → main (invoke): every ConsoleApi call. */
export const consoleApiChannel = 'console-api';

/** Main → renderer (send): the OS locked or is suspending; the console locks itself. */
export const lockRequestedChannel = 'console:lock-requested';

/** Renderer → main (invoke): read the desktop settings (which are locked), save language and theme. */
export const consoleSettingsChannel = 'console:settings';

/** Renderer → main (invoke): save a Support API download (the CSV export) to a file the user picks. */
export const saveDownloadChannel = 'console:save-download';

/** Renderer → main (invoke): save text the console made (JSON, CSV) to a file the user picks. */
export const saveTextChannel = 'console:save-text';

/** Renderer → main (invoke): cancel the running download. */
export const cancelDownloadChannel = 'console:cancel-download';

/** Main → renderer (send): bytes of the running download written so far. */
export const downloadProgressChannel = 'console:download-progress';

/** Main → renderer (send): a call link from the phone system is waiting; the renderer takes it. */
export const callLinkArrivedChannel = 'console:call-link-arrived';

/** Renderer → main (invoke): take the waiting call link (call ID and number), once. */
export const takeCallLinkChannel = 'console:take-call-link';

/** Renderer → main (invoke): put a short text the console shows (the wrap-up code) on the clipboard. */
export const copyTextChannel = 'console:copy-text';
