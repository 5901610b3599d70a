// The browser preview's ConsoleApi: a page just loaded holds no session token, so the start-up session
// check is answered without loading the HTTP client or asking the server.
import { afterEach, expect, it, vi } from 'vitest';
import { getConsoleApi } from '../../../../renderer/src/app/console-api';

afterEach(() => vi.restoreAllMocks());

it('answers the start-up getSession with 401 locally, without a request', async () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  expect(window.consoleBridge).toBeUndefined();
  await expect(getConsoleApi().getSession({})).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  expect(fetchSpy).not.toHaveBeenCalled();
});

it('loads the HTTP client and asks the server for anything else', async () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
    new Response(JSON.stringify({ status: 'ok', version: '0.1.0', database: 'pglite', sandbox: true }), { headers: { 'content-type': 'application/json' } }),
  );
  await getConsoleApi().getHealth({});
  expect(fetchSpy).toHaveBeenCalledTimes(1);
  expect(String((fetchSpy.mock.calls[0]![0] as Request).url ?? fetchSpy.mock.calls[0]![0])).toMatch(/\/api\/health$/);
  // Loaded now, but still without a token: still no request for the session check.
  await expect(getConsoleApi().getSession({})).rejects.toMatchObject({ status: 401 });
  expect(fetchSpy).toHaveBeenCalledTimes(1);
});
