// The desktop's log files: the embedded Support API's (pino through electron-log's rotating file
// transport) and main's. Failures are provoked with personal data in the requests; afterwards the
// files are searched for every value sent, as the API's own log test does with its captured lines.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleBridgeCall } from '../../../../electron/main/ipc-bridge';
import { logFileMaxBytes, logFilePath, openMainLog, supportApiLoggerOptions } from '../../../../electron/main/log-files';
import { startSupportApi } from '../../../../server/start';
import { tempDir } from '../../../support/databases';
import { testScryptParams } from '../../../support/support-api';
import { MockBrowserWindow } from '../../../mocks/electron';

// Values a caller or an agent might send: none may reach a log file.
const cpr = '0101904321';
const documentNumber = 'P98765432';
const answer = 'Ringkøbingvej 77';
const password = 'Hemmelig-Kode-2468';
const secrets = [cpr, '010190-4321', documentNumber, answer, password];

function expectNoSecrets(text: string) {
  for (const value of secrets) expect(text, `log holds ${value}`).not.toContain(value);
}

describe('log files', () => {
  const tmp = tempDir('console-logs-');
  afterAll(() => tmp.remove());

  it('writes the embedded API log as JSON lines, with no request value in it', { timeout: 90_000 }, async () => {
    const logDir = path.join(tmp.dir, 'logs');
    const api = await startSupportApi({
      dataDir: path.join(tmp.dir, 'data'),
      seed: false,
      scryptParams: testScryptParams,
      logger: supportApiLoggerOptions({ dir: logDir, level: 'debug' }),
    });
    const post = (url: string, body: unknown, token?: string) =>
      fetch(`${api.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    try {
      expect((await post('/api/session', { username: 'agent', password })).status).toBe(401);
      const login = await post('/api/session', { username: 'agent', password: 'agent-demo-pass' });
      const { token } = (await login.json()) as { token: string };
      // A caller not in the (empty) register, a malformed claim, broken JSON, an unknown route with a CPR in it.
      await post('/api/verifications', { caller: { kind: 'cpr', cpr }, document: { type: 'passport', number: documentNumber } }, token);
      await post('/api/verifications', { caller: { kind: 'cpr', cpr: `${cpr}${'9'.repeat(30)}` }, document: { type: 'x', number: documentNumber } }, token);
      await post('/api/verifications', `{"caller":{"kind":"cpr","cpr":"${cpr}"`, token);
      await post(`/api/verifications/${cpr}/answers`, { answer }, token);
      await fetch(`${api.url}/api/people/${cpr}?q=${encodeURIComponent(answer)}`);
    } finally {
      await api.close();
    }
    const text = readFileSync(logFilePath(logDir, 'support-api'), 'utf8');
    const lines = text.trim().split('\n');
    // pino's JSON lines, unchanged: one per request and the start line.
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(lines.some((l) => l.includes('"msg":"Support API started"'))).toBe(true);
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(6);
    expect(text).toContain('"status":401');
    expectNoSecrets(text);
  });

  it('writes main’s log with the reasons of refused bridge calls, never their values', async () => {
    const logDir = path.join(tmp.dir, 'main-logs');
    const log = openMainLog({ dir: logDir, level: 'info' });
    const window = new MockBrowserWindow() as unknown as Electron.BrowserWindow;
    const options = {
      ipcMain: { handle() {}, removeHandler() {} },
      getWindow: () => window,
      backend: () => Promise.resolve({ kind: 'unavailable' as const, reason: 'down' }),
      isOwnUrl: () => true,
      log,
    };
    const own = { senderFrame: (window as unknown as MockBrowserWindow).webContents.mainFrame } as unknown as Electron.IpcMainInvokeEvent;
    const foreign = { senderFrame: { url: `https://evil.example/?cpr=${cpr}` } } as unknown as Electron.IpcMainInvokeEvent;
    await handleBridgeCall(options, foreign, 'startVerification', { caller: { kind: 'cpr', cpr } });
    await handleBridgeCall(options, own, 'startVerification', { caller: { kind: 'cpr', cpr: 42 }, document: { number: documentNumber } });
    await handleBridgeCall(options, own, 'login', { username: 'agent', password });
    log.info('The console started.');
    const text = readFileSync(logFilePath(logDir, 'main'), 'utf8');
    expect(text).toMatch(/\[warn\]\s+Refused a console-api call from a frame that is not the console window\./);
    expect(text).toMatch(/\[info\]\s+The console started\./);
    expectNoSecrets(text);
  });

  it('rotates main’s log into main.old.log past its size limit', () => {
    const logDir = path.join(tmp.dir, 'rotating');
    const log = openMainLog({ dir: logDir, level: 'info' });
    const line = 'x'.repeat(1023);
    // Each line is over 1 KB with its time stamp: 10 % more lines than the limit in KB is past it.
    for (let i = 0; i < (logFileMaxBytes / 1024) * 1.1; i += 1) log.info(line);
    expect(existsSync(path.join(logDir, 'main.old.log'))).toBe(true);
    expect(readFileSync(logFilePath(logDir, 'main')).length).toBeLessThan(logFileMaxBytes);
  });
});
