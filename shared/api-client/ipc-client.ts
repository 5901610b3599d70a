import { ApiError, errorCodes, operations, type ConsoleApi, type OperationName } from '../api/index';

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
}

/** A ConsoleApi whose calls travel over the Electron bridge; errors come back as ApiError again. */
export function createIpcConsoleApi(bridge: ConsoleBridge): ConsoleApi {
  const entries = (Object.keys(operations) as OperationName[]).map((name) => [
    name,
    async (input: unknown) => {
      const result = await bridge.invoke(name, input ?? {});
      if (result.ok) return result.value;
      throw new ApiError(result.error.status, result.error.code || errorCodes.internal, result.error.message);
    },
  ]);
  return Object.fromEntries(entries) as unknown as ConsoleApi;
}
