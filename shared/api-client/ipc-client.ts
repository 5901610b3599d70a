// The Electron bridge's shape, shared by the preload (which exposes it), the main process (which
// answers it) and the renderer (renderer/src/app/console-api.ts turns it into a ConsoleApi).
import type { OperationName } from '../api/index';
import type { PhoneCall } from '../domain/phone-call/call-link';
import type { DesktopSettingsBridge } from '../settings/desktop-settings';

/** What crosses the Electron bridge back to the renderer: a value or a plain error, never a thrown object. */
export type BridgeResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: string; message: string } };

/** A file download the Support API streams (the CSV export), saved by main where the user chooses. */
export interface SaveDownloadRequest {
  /** Path on the Support API, e.g. `/api/exports/verifications.csv?ticket=…`. */
  path: string;
  suggestedName: string;
}

/** A file the console made itself (JSON, CSV), saved by main where the user chooses. */
export interface SaveTextRequest {
  content: string;
  suggestedName: string;
}

/** How a save ended: written (with its size), cancelled by the user, or failed (nothing left on disk). */
export type SaveResult =
  | { ok: true; saved: true; bytes: number }
  | { ok: true; saved: false }
  | { ok: false; error: { code: string; message: string } };

/** Bytes of a running download written so far; total when the server said it. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** The single object the preload exposes on `window.consoleBridge`. */
export interface ConsoleBridge {
  invoke(operation: OperationName, input: unknown): Promise<BridgeResult>;
  /** The desktop settings (which are locked; language and theme saved to the settings file). */
  settings: DesktopSettingsBridge;
  /** Subscribes to "lock now" from the shell (OS lock, suspend); returns an unsubscribe function. */
  onLockRequested(listener: () => void): () => void;
  /** Asks where to save, then streams the file from the Support API to disk (one at a time). */
  saveDownload(request: SaveDownloadRequest): Promise<SaveResult>;
  /** Asks where to save, then writes the text to disk. */
  saveText(request: SaveTextRequest): Promise<SaveResult>;
  /** Stops the running download; its partial file is removed and saveDownload answers `saved: false`. */
  cancelDownload(): Promise<void>;
  /** Subscribes to the running download's progress; returns an unsubscribe function. */
  onDownloadProgress(listener: (progress: DownloadProgress) => void): () => void;
  /** Subscribes to "a call link from the phone system is waiting" (then call takeCallLink). */
  onCallLink(listener: () => void): () => void;
  /** The waiting call link's call ID and number, once; null when none is waiting. */
  takeCallLink(): Promise<PhoneCall | null>;
  /** Puts a wrap-up code on the clipboard; false when main refused the text. */
  copyText(text: string): Promise<boolean>;
}
