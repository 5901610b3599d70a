// The one IPC channel between the renderer and the Support API client. Main trusts nothing that
// crosses it: the sender frame, the operation name and the input are all checked here.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, describeIssues, errorCodes, isOperationName, operations, type ConsoleApi, type Operation } from '../../shared/api/index';
import type { BridgeResult } from '../../shared/api-client/ipc-client';
import { consoleApiChannel } from '../ipc-channels';
import { isRendererUrl } from './app-location';

/** What the bridge forwards to: the ky client, or the reason there is none (the API did not start). */
export type ApiBackend = { kind: 'ready'; client: ConsoleApi } | { kind: 'unavailable'; reason: string };

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The console window; calls from any other frame are refused. */
  getWindow: () => BrowserWindow | null;
  /** Settles once the Support API is known to be up (or known not to be): calls wait for it. */
  backend: Promise<ApiBackend>;
  isOwnUrl?: (url: string) => boolean;
  log?: { warn(message: string): void; error(message: string): void };
}

function failure(status: number, code: string, message: string): BridgeResult {
  return { ok: false, error: { status, code, message } };
}

/** Whether the call comes from the console window's top frame showing our own page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, window: BrowserWindow | null, isOwnUrl: (url: string) => boolean): boolean {
  // Read before any await: senderFrame becomes null once the frame navigates or is destroyed.
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  // A page running its unload handlers after a navigation is detached: it is no longer ours.
  if (frame.detached) return false;
  return frame === window.webContents.mainFrame && isOwnUrl(frame.url);
}

/** Handles one bridge call; never throws: every outcome is a BridgeResult. */
export async function handleBridgeCall(
  options: IpcBridgeOptions,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  operation: unknown,
  input: unknown,
): Promise<BridgeResult> {
  const log = options.log ?? console;
  if (!isTrustedSender(event, options.getWindow(), options.isOwnUrl ?? isRendererUrl)) {
    log.warn('Refused a console-api call from a frame that is not the console window.');
    return failure(403, errorCodes.forbidden, 'This frame may not call the Support API.');
  }
  if (!isOperationName(operation)) {
    return failure(400, errorCodes.badRequest, 'Unknown operation.');
  }
  const op = operations[operation] as Operation;
  const parsed = op.input.safeParse(input ?? {});
  if (!parsed.success) {
    return failure(400, errorCodes.badRequest, describeIssues(parsed.error.issues) || 'Invalid input.');
  }
  const backend = await options.backend;
  if (backend.kind === 'unavailable') return failure(503, errorCodes.unavailable, backend.reason);
  try {
    // The client parses the input again with the same schema before it encodes the request.
    const call = backend.client[operation] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await call(input ?? {}) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    log.error(`console-api ${operation} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
    return failure(500, errorCodes.internal, 'Something went wrong in the console.');
  }
}

/** Registers the single `console-api` channel; returns a function that removes it. */
export function setupIpcBridge(options: IpcBridgeOptions): () => void {
  options.ipcMain.handle(consoleApiChannel, (event, operation: unknown, input: unknown) =>
    handleBridgeCall(options, event, operation, input),
  );
  return () => options.ipcMain.removeHandler(consoleApiChannel);
}
