// The Electron bridge's shape, shared by the preload (which exposes it), the main process (which
// answers it) and the renderer (renderer/src/app/console-api.ts turns it into a ConsoleApi).
import type { OperationName } from '../api/index';

/** What crosses the Electron bridge back to the renderer: a value or a plain error, never a thrown object. */
export type BridgeResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: string; message: string } };

/** The single object the preload exposes on `window.consoleBridge`. */
export interface ConsoleBridge {
  invoke(operation: OperationName, input: unknown): Promise<BridgeResult>;
  /** Subscribes to "lock now" from the shell (OS lock, suspend); returns an unsubscribe function. */
  onLockRequested(listener: () => void): () => void;
}
