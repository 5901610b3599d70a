// Electron faked only at the operating-system boundary, for running the built main process in the
// Playwright test process: the window is a Chromium page, the IPC transport is Playwright's
// exposeBinding, the dialog answers what the test says, app:// is served by routing the page's
// requests to the handler main registered, and net is Node's fetch. Everything above that boundary
// (the bridge, its checks, settings, the API client, downloads, the lock) is main's own code. The
// utility process is a real Node child running the built utility entry.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Frame, Page, Response as PageResponse } from '@playwright/test';

/** The page's origin standing in for app://console (Chromium only routes http(s) documents). */
export const pageOrigin = 'http://console.app.test';
const appOrigin = 'app://console';

export const toAppUrl = (url: string) => (url.startsWith(pageOrigin) ? appOrigin + url.slice(pageOrigin.length) : url);
export const toPageUrl = (url: string) => (url.startsWith(appOrigin) ? pageOrigin + url.slice(appOrigin.length) : url);

export interface FakeElectronConfig {
  appPath: string;
  userData: string;
  downloads: string;
  page: Page;
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

/** A bridge call as main answered it: what the flows wait on instead of network responses. */
export interface RecordedCall {
  channel: string;
  args: unknown[];
  result: unknown;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  quitted = false;
  exitCode: number | undefined;
  switches: string[][] = [];
  constructor(private readonly fake: FakeElectron) {
    super();
  }
  getAppPath = () => this.fake.config.appPath;
  getPath = (name: string) => (name === 'userData' ? this.fake.config.userData : name === 'downloads' ? this.fake.config.downloads : this.fake.config.userData);
  getVersion = () => '0.1.0';
  getName = () => 'mitid-support-console';
  whenReady = async () => {};
  isReady = () => true;
  enableSandbox = () => {};
  commandLine = { appendSwitch: (...args: string[]) => void this.switches.push(args) };
  requestSingleInstanceLock = () => true;
  /** Schemes main asked the OS to open with this app (call links). */
  protocolClients: string[] = [];
  setAsDefaultProtocolClient = (scheme: string) => {
    this.protocolClients.push(scheme);
    return true;
  };
  quit = () => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.quitted = true;
    this.emit('will-quit', { preventDefault: () => {} });
    this.emit('quit');
  };
  exit = (code = 0) => {
    this.exitCode = code;
    this.quitted = true;
    this.emit('quit');
  };
}

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, InvokeHandler>();
  handle = (channel: string, handler: InvokeHandler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  };
  removeHandler = (channel: string) => void this.handlers.delete(channel);
}

/** The page's main frame as main sees it: its URL, mapped back to app://. */
class FakeWebFrame {
  detached = false;
  constructor(private readonly frame: () => Frame) {}
  get url() {
    return toAppUrl(this.frame().url());
  }
}

class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeWebFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  constructor(private readonly page: Page) {
    super();
    this.mainFrame = new FakeWebFrame(() => page.mainFrame());
  }
  isDestroyed = () => this.page.isClosed();
  setWindowOpenHandler = (handler: FakeWebContents['windowOpenHandler']) => void (this.windowOpenHandler = handler);
  /** Main → renderer: delivered to the preload's ipcRenderer listeners in the page. */
  send = (channel: string, ...args: unknown[]) => {
    if (this.page.isClosed()) return;
    void this.page
      .evaluate(([c, a]) => (window as unknown as { __harnessIpcEmit(c: string, a: unknown[]): void }).__harnessIpcEmit(c, a), [channel, args] as const)
      .catch(() => undefined);
  };
}

/** The fake the built main is running against (the shim reads the same global). */
const currentFake = () => (globalThis as unknown as { __consoleFakeElectron: FakeElectron }).__consoleFakeElectron;

/** The console window: its content is the Playwright page. */
class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  private readonly fake = currentFake();
  visible = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    this.webContents = new FakeWebContents(this.fake.config.page);
    this.fake.windows.push(this);
    this.fake.app.emit('web-contents-created', {}, this.webContents);
  }
  /** Loads the app:// page in Chromium; 'ready-to-show' follows the load, as in Electron. */
  loadURL = async (url: string) => {
    if (!url.startsWith(`${appOrigin}/`)) throw new Error(`The harness window only loads ${appOrigin}/ (asked for another URL).`);
    this.fake.documentResponse = await this.fake.config.page.goto(toPageUrl(url));
    this.emit('ready-to-show');
  };
  loadFile = async () => {
    throw new Error('The console is served from app://, never loaded as a file.');
  };
  show = () => {
    this.visible = true;
    this.fake.windowShown();
  };
  isVisible = () => this.visible;
  focus = () => {};
  restore = () => {};
  removeMenu = () => {};
  setMenu = () => {};
  isMinimized = () => false;
  isDestroyed = () => this.fake.config.page.isClosed();
}

export class FakeElectron {
  config: FakeElectronConfig;
  readonly app: FakeApp;
  readonly ipcMain = new FakeIpcMain();
  readonly powerMonitor = new EventEmitter();
  readonly windows: FakeBrowserWindow[] = [];
  readonly calls: RecordedCall[] = [];
  /** What the next save dialogs answer: a path, or null for "cancelled" (default when empty). */
  readonly saveAnswers: (string | null)[] = [];
  readonly messages: { kind: 'error-box' | 'message-box'; text: string }[] = [];
  /** The document response the window's last load received (headers as the page got them). */
  documentResponse: PageResponse | null = null;
  protocolHandlers = new Map<string, ProtocolHandler>();
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  headersListener: HeadersListener | undefined;
  readonly shown: Promise<void>;
  private markShown!: () => void;

  readonly BrowserWindow = FakeBrowserWindow;
  readonly shell = { openPath: async () => '' };
  /** Help menu: built and recorded, never drawn. */
  readonly Menu = { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: () => {} };
  readonly clipboard = { text: '', writeText: (text: string) => void (this.clipboard.text = text) };
  readonly net = { fetch: (input: string | Request, init?: RequestInit) => fetch(input, init) };
  /** The utility processes main started: real Node children running the built entry. */
  readonly utilityChildren: ChildProcess[] = [];
  readonly utilityProcess = {
    fork: (entry: string, args: string[] = [], options: { env?: Record<string, string> } = {}) => {
      const child = fork(entry, args, { env: options.env ?? {}, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.utilityChildren.push(child);
      return {
        pid: child.pid,
        on(event: 'message' | 'exit', listener: (value: unknown) => void) {
          if (event === 'message') child.on('message', listener);
          else child.on('exit', (code, signal) => listener(code ?? (signal ? -1 : 0)));
          return this;
        },
        postMessage: (message: unknown) => void (child.connected && child.send(message as object)),
        kill: () => child.kill(),
      };
    },
  };

  readonly dialog = {
    showSaveDialog: async (..._args: unknown[]) => {
      const answer = this.saveAnswers.shift() ?? null;
      return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
    },
    showErrorBox: (title: string, text: string) => void this.messages.push({ kind: 'error-box', text: `${title}: ${text}` }),
    showMessageBox: async (...args: unknown[]) => {
      const options = args.find((a): a is { message: string; detail?: string } => typeof a === 'object' && a !== null && 'message' in a);
      this.messages.push({ kind: 'message-box', text: `${options?.message ?? ''} ${options?.detail ?? ''}`.trim() });
      return { response: 0, checkboxChecked: false };
    },
  };

  readonly protocol = {
    registerSchemesAsPrivileged: (schemes: FakeElectron['privilegedSchemes']) => void this.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: ProtocolHandler) => void this.protocolHandlers.set(scheme, handler),
  };

  readonly session = {
    defaultSession: {
      webRequest: { onHeadersReceived: (listener: HeadersListener) => void (this.headersListener = listener) },
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
    },
    /** A partition (the shared Support API's network path): Node's fetch stands in for Chromium's stack. */
    fromPartition: (_partition: string) => ({
      fetch: (input: string | Request, init?: RequestInit) => fetch(input, init),
      setCertificateVerifyProc: () => {},
    }),
  };

  constructor(config: FakeElectronConfig) {
    this.config = config;
    this.app = new FakeApp(this);
    this.shown = new Promise((resolve) => (this.markShown = resolve));
  }

  /** Called by a window's show(). */
  windowShown(): void {
    this.markShown();
  }

  /**
   * Wires the page to main: app:// served by main's protocol handler (through the session's header
   * listener, as Electron would), the real preload run in the page, and its ipcRenderer.invoke
   * carried to main's ipcMain handlers with the calling frame as sender.
   */
  async attach(preloadSource: string): Promise<void> {
    const page = this.config.page;
    // Nothing else may load: every request that is not the app origin is refused.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.route(`${pageOrigin}/**`, async (route) => {
      const handler = this.protocolHandlers.get('app');
      if (!handler) return route.abort('failed');
      const response = await handler(new Request(toAppUrl(route.request().url()), { method: route.request().method() }));
      let headers: Record<string, string[]> = {};
      response.headers.forEach((value, name) => (headers[name] = [value]));
      this.headersListener?.({ url: toAppUrl(route.request().url()), responseHeaders: headers }, (answer) => {
        if (answer.responseHeaders) headers = answer.responseHeaders;
      });
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(', ')])),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    await page.exposeBinding('__consoleIpcInvoke', async (source, channel: string, ...args: unknown[]) => {
      const handler = this.ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const window = this.windows[0];
      const senderFrame =
        window && source.frame === page.mainFrame() ? window.webContents.mainFrame : { url: toAppUrl(source.frame.url()), detached: false };
      const result = await handler({ senderFrame, sender: window?.webContents }, ...args);
      this.calls.push({ channel, args, result });
      return result;
    });
    await page.addInitScript({ content: preloadInPage(preloadSource) });
  }

  /** The value of the next successful `console-api` call of this operation made after `since`. */
  async waitForCall(operation: string, since: number, timeoutMs = 20_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const call = this.calls.slice(since).find((c) => c.channel === 'console-api' && c.args[0] === operation);
      if (call) {
        const result = call.result as { ok: boolean; value?: unknown; error?: unknown };
        if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
        return result.value;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no ${operation} call within ${timeoutMs} ms`);
  }
}

/**
 * The built preload (CommonJS) run in the page's top frame with an `electron` of two parts:
 * contextBridge puts the object on window (frozen, as contextBridge's copy is), ipcRenderer sends
 * through the binding and receives what main's webContents.send delivers.
 */
function preloadInPage(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__consoleIpcInvoke(channel, ...args),
    on(channel, listener) { listeners.set(channel, [...(listeners.get(channel) ?? []), listener]); return ipcRenderer; },
    removeListener(channel, listener) { listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)); return ipcRenderer; },
  };
  Object.defineProperty(window, '__harnessIpcEmit', {
    value: (channel, args) => { for (const l of listeners.get(channel) ?? []) l({}, ...structuredClone(args)); },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) { Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true }); },
  };
  const module = { exports: {} };
  const require = (name) => { if (name === 'electron') return { contextBridge, ipcRenderer }; throw new Error('Cannot find module ' + name); };
  (function (module, exports, require) {
${preloadSource}
  })(module, module.exports, require);
})();`;
}
