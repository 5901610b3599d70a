// Call links from the phone system, in main: registered with the OS, taken from a second instance's
// command line (through the single-instance lock) or from open-url, handed to the console window
// once, and never written to the log.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callLinkArgument, setupCallLinks, type CallLinksOptions } from '../../../../electron/main/call-links';
import { setupSingleInstance } from '../../../../electron/main/single-instance';
import { callLinkArrivedChannel, takeCallLinkChannel } from '../../../../electron/ipc-channels';
import * as mock from '../../../mocks/electron';

const link = 'mitid-support-console://call?callId=pbx-77.1&from=%2B4531415926';

describe('call links', () => {
  let window: mock.MockBrowserWindow;
  let logged: string[];
  let options: CallLinksOptions;
  beforeEach(() => {
    mock.resetElectronMock();
    window = new mock.MockBrowserWindow();
    window.webContents.mainFrame.url = 'app://console/index.html';
    logged = [];
    options = {
      app: mock.app as never,
      ipcMain: mock.ipcMain as never,
      getWindow: () => window as never,
      log: { info: (m) => logged.push(m), warn: (m) => logged.push(m) },
      launch: { defaultApp: false, execPath: '/opt/console/console', appArg: undefined },
      isOwnUrl: (url) => url.startsWith('app://console/'),
    };
  });

  const take = (frame: unknown = window.webContents.mainFrame) => mock.ipcMain.handlers.get(takeCallLinkChannel)!({ senderFrame: frame });

  it('registers the scheme with the OS; an unpackaged start names its app folder', () => {
    setupCallLinks(options);
    expect(mock.app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('mitid-support-console');
    mock.resetElectronMock();
    setupCallLinks({ ...options, launch: { defaultApp: true, execPath: '/usr/bin/electron', appArg: '/src/console' } });
    expect(mock.app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('mitid-support-console', '/usr/bin/electron', ['/src/console']);
  });

  it('takes a link from a second instance through the single-instance lock, brings the window forward and hands the call over once', () => {
    const links = setupCallLinks(options);
    window.minimized = true;
    expect(setupSingleInstance(mock.app as never, () => window as never, (argv) => links.fromCommandLine(argv))).toBe(true);
    mock.app.emit('second-instance', {}, ['/opt/console/console', '--flag', link], '/home/agent');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(callLinkArrivedChannel);
    expect(take()).toEqual({ callId: 'pbx-77.1', from: '+4531415926' });
    expect(take()).toBeNull();
  });

  it('takes a link from macOS open-url, and keeps only the newest one not yet taken', () => {
    setupCallLinks(options);
    const event = { preventDefault: vi.fn() };
    mock.app.emit('open-url', event, 'mitid-support-console://call?callId=first');
    mock.app.emit('open-url', event, link);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(take()).toEqual({ callId: 'pbx-77.1', from: '+4531415926' });
  });

  it('keeps a link that came before the window (the first start) until the console asks', () => {
    let current: mock.MockBrowserWindow | null = null;
    const links = setupCallLinks({ ...options, getWindow: () => current as never });
    links.fromCommandLine(['/opt/console/console', link]);
    current = window;
    expect(take()).toEqual({ callId: 'pbx-77.1', from: '+4531415926' });
  });

  it('refuses malformed links, answers no other frame, and logs no value from a link', () => {
    const links = setupCallLinks(options);
    links.deliver('mitid-support-console://call?callId=bad id&from=+4531415926');
    links.deliver('mitid-support-console://call?callId=ok&from=+4531415926&cpr=0101901234');
    expect(take()).toBeNull();
    expect(window.webContents.send).not.toHaveBeenCalled();
    links.deliver(link);
    expect(take(new mock.MockWebFrameMain('https://evil.example/'))).toBeNull();
    expect(take()).toEqual({ callId: 'pbx-77.1', from: '+4531415926' });
    expect(logged.some((m) => m.startsWith('Refused a call link'))).toBe(true);
    expect(logged.join('\n')).not.toMatch(/31415926|pbx-77|0101901234|bad id/);
  });

  it('finds the link among other arguments whatever its case, and nothing in a plain start', () => {
    expect(callLinkArgument(['console.exe', '--allow-file-access', 'MITID-SUPPORT-CONSOLE://call?callId=x'])).toBe('MITID-SUPPORT-CONSOLE://call?callId=x');
    expect(callLinkArgument(['console.exe', '--lang=da'])).toBeUndefined();
  });
});
