import { ApiError, errorCodes, operations, type ConsoleApi, type OperationName } from '../api/index';
import type { DesktopSettingsBridge } from '../settings/desktop-settings';

/** What crosses the Electron bridge back to the renderer: a value or a plain error, never a thrown object. */
export type BridgeResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: string; message: string } };

/** The single object the preload exposes on `window.consoleBridge`. */
export interface ConsoleBridge {
  invoke(operation: OperationName, input: unknown): Promise<BridgeResult>;
  /** The desktop settings (which are locked; language and theme saved to the settings file). */
  settings: DesktopSettingsBridge;
  /** Subscribes to "lock now" from the shell (OS lock, suspend); returns an unsubscribe function. */
  onLockRequested(listener: () => void): () => void;
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
