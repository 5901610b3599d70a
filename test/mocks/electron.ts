// A global stand-in for the `electron` module in vitest's node project (resolve alias in
// vitest.config.ts), as Electron Fiddle does: the real module cannot load outside Electron.
// It records what the code under test asked for, so tests assert on the recorded calls.
import { X509Certificate } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** The folder `app.getAppPath()` reports: the root of a built app (out/ lives under it). */
export const mockAppPath = path.resolve(os.tmpdir(), 'mitid-console-app');

let userDataDir: string | undefined;

class MockApp extends EventEmitter {
  isPackaged = false;
  getAppPath = vi.fn(() => mockAppPath);
  getPath = vi.fn((name: string) => {
    if (name !== 'userData') return path.join(os.tmpdir(), `mock-${name}`);
    userDataDir ??= mkdtempSync(path.join(os.tmpdir(), 'console-userdata-'));
    return userDataDir;
  });
  getVersion = vi.fn(() => '0.0.0-test');
  getName = vi.fn(() => 'mitid-support-console');
  whenReady = vi.fn(async () => {});
  enableSandbox = vi.fn();
  commandLine = { appendSwitch: vi.fn() };
  requestSingleInstanceLock = vi.fn(() => true);
  setAsDefaultProtocolClient = vi.fn((_scheme: string, _path?: string, _args?: string[]) => true);
  quit = vi.fn();
  exit = vi.fn();
}

export class MockWebFrameMain {
  constructor(public url: string) {}
}

export class MockWebContents extends EventEmitter {
  mainFrame = new MockWebFrameMain('about:blank');
  send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => {
    this.windowOpenHandler = handler;
  });
}

export const createdWindows: MockBrowserWindow[] = [];

export class MockBrowserWindow extends EventEmitter {
  webContents = new MockWebContents();
  destroyed = false;
  minimized = false;
  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    createdWindows.push(this);
  }
  loadFile = vi.fn(async (file: string, options?: { query?: Record<string, string> }) => {
    const url = new URL(`file://${path.resolve(file)}`);
    for (const [k, v] of Object.entries(options?.query ?? {})) url.searchParams.set(k, v);
    this.webContents.mainFrame.url = url.href;
  });
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  removeMenu = vi.fn();
  setMenu = vi.fn();
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class MockIpcMain extends EventEmitter {
  handlers = new Map<string, InvokeHandler>();
  handle = vi.fn((channel: string, handler: InvokeHandler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}

class MockIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}

/** What the preload put on the page's window, by key. */
export const exposedInMainWorld: Record<string, unknown> = {};

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

type VerifyProc = (
  request: { hostname: string; certificate: MockCertificate; verificationResult: string; errorCode: number },
  callback: (result: number) => void,
) => void;

interface MockCertificate {
  data: string;
  issuerCert?: MockCertificate;
}

/** Node's TLS verdicts in Chromium's words (what a verify proc is told). */
function chromiumVerdict(socket: TLSSocket, hostname: string): string {
  if (socket.authorized) {
    const identity = checkServerIdentity(hostname.replace(/^\[|\]$/g, ''), socket.getPeerCertificate());
    return identity ? 'net::ERR_CERT_COMMON_NAME_INVALID' : 'net::OK';
  }
  const reason = String(socket.authorizationError);
  if (/EXPIRED|NOT_YET_VALID/.test(reason)) return 'net::ERR_CERT_DATE_INVALID';
  if (/ALTNAME|HOST/.test(reason)) return 'net::ERR_CERT_COMMON_NAME_INVALID';
  return 'net::ERR_CERT_AUTHORITY_INVALID';
}

function certificateChain(peer: PeerCertificate & { issuerCertificate?: PeerCertificate }): MockCertificate {
  const pem = new X509Certificate(peer.raw).toString();
  const issuer = peer.issuerCertificate;
  return issuer && issuer !== peer && issuer.fingerprint256 !== peer.fingerprint256 ? { data: pem, issuerCert: certificateChain(issuer) } : { data: pem };
}

/**
 * What `session.fetch` does at the OS boundary, played by Node: plain http through Node's fetch; https
 * checked by Node against its CA store (standing in for the OS store), then, as Chromium does, handed
 * to the session's verify proc, whose answer (0 trust, -3 keep the verdict, else refuse) decides.
 * A refused connection rejects with Chromium's `net::ERR_…` name.
 */
async function chromiumLikeFetch(session: MockSession, input: string | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.protocol !== 'https:') return fetch(request);
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  return new Promise<Response>((resolve, reject) => {
    const req = https.request(
      url,
      { method: request.method, headers: Object.fromEntries(request.headers), rejectUnauthorized: false, agent: false, signal: request.signal },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }));
        });
      },
    );
    req.on('error', reject);
    req.on('socket', (socket) =>
      socket.once('secureConnect', () => {
        const tls = socket as TLSSocket;
        const verdict = chromiumVerdict(tls, url.hostname);
        const decide = (result: number) => {
          if (result === 0 || (result === -3 && verdict === 'net::OK')) return;
          req.destroy(new Error(result === -3 ? verdict : 'net::ERR_FAILED'));
        };
        if (!session.verifyProc) return decide(-3);
        session.verifyProc({ hostname: url.hostname, certificate: certificateChain(tls.getPeerCertificate(true)), verificationResult: verdict, errorCode: 0 }, decide);
      }),
    );
    req.end(body);
  });
}

class MockSession {
  verifyProc: VerifyProc | undefined;
  setCertificateVerifyProc = vi.fn((proc: VerifyProc | null) => {
    this.verifyProc = proc ?? undefined;
  });
  fetch = vi.fn((input: string | Request, init?: RequestInit) => chromiumLikeFetch(this, input, init));
  headersListener: HeadersListener | undefined;
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener;
    }),
  };
  setPermissionRequestHandler = vi.fn((handler: MockSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: MockSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler;
  });
}

class MockProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged = vi.fn((schemes: MockProtocol['privileged']) => {
    this.privileged.push(...schemes);
  });
  handle = vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    this.handlers.set(scheme, handler);
  });
}

export const app = new MockApp();
export const protocol = new MockProtocol();
export const BrowserWindow = MockBrowserWindow;
export const ipcMain = new MockIpcMain();
export const ipcRenderer = new MockIpcRenderer();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposedInMainWorld[key] = api;
  }),
};
const partitions = new Map<string, MockSession>();
export const session = {
  defaultSession: new MockSession(),
  fromPartition: vi.fn((partition: string) => {
    if (!partitions.has(partition)) partitions.set(partition, new MockSession());
    return partitions.get(partition)!;
  }),
};
export const powerMonitor = new EventEmitter();
export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};
export const shell = { openPath: vi.fn(async () => '') };
export const clipboard = { writeText: vi.fn() };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const utilityProcess = { fork: vi.fn() };

/** Forgets everything recorded, so each test starts from a fresh Electron. */
export function resetElectronMock(): void {
  createdWindows.length = 0;
  for (const key of Object.keys(exposedInMainWorld)) delete exposedInMainWorld[key];
  app.removeAllListeners();
  app.isPackaged = false;
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  powerMonitor.removeAllListeners();
  session.defaultSession = new MockSession();
  partitions.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  vi.clearAllMocks();
}

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, session, powerMonitor, dialog, shell, clipboard, Menu, protocol, utilityProcess };
