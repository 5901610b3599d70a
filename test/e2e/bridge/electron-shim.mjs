// What `import … from 'electron'` resolves to when the harness runs the built main process in Node
// (desktop-harness.ts maps the specifier here). Every export reads the one FakeElectron the harness put
// on globalThis, so modules that captured `electron` at first load (electron-store) see it too.
const fake = () => {
  const current = globalThis.__consoleFakeElectron;
  if (!current) throw new Error('The desktop harness has not set up its fake electron.');
  return current;
};

/** A stand-in object whose properties are read from the current fake at each access. */
const live = (name) =>
  new Proxy(function () {}, {
    get: (_target, key) => {
      const target = fake()[name];
      const value = Reflect.get(target, key);
      return typeof value === 'function' && !/^[A-Z]/.test(String(key)) ? value.bind(target) : value;
    },
    construct: (_target, args) => new (fake()[name])(...args),
    apply: (_target, self, args) => Reflect.apply(fake()[name], self, args),
  });

export const app = live('app');
export const BrowserWindow = live('BrowserWindow');
export const dialog = live('dialog');
export const ipcMain = live('ipcMain');
export const net = live('net');
export const powerMonitor = live('powerMonitor');
export const protocol = live('protocol');
export const session = live('session');
export const shell = live('shell');
export const utilityProcess = live('utilityProcess');
export const Menu = live('Menu');
export const clipboard = live('clipboard');
export default { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, net, powerMonitor, protocol, session, shell, utilityProcess };
