// The embedded API answers only its own loopback Host, and only requests with the shell's secret.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../../shared/api/index';
import { buildApp } from '../../../../server/http/build-app';
import { isLoopbackHost } from '../../../../server/http/embedded-guard';
import type { OperationHandlers } from '../../../../server/handlers/context';

const health = { status: 'ok' as const, version: '1', database: 'pglite' as const, sandbox: true };
const handlers = { ...Object.fromEntries(operationNames.map((n) => [n, async () => ({})])), getHealth: async () => health } as unknown as OperationHandlers;
const secret = 'k'.repeat(43);

describe('embedded guard', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await buildApp({ handlers, authenticator: { authenticate: async () => null }, version: '1', embeddedGuard: { shellSecret: secret } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  const get = (host: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}/api/health`, { headers: { host, ...headers } }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

  it('answers the shell: its own loopback Host and the secret', async () => {
    expect((await get(`127.0.0.1:${port}`, { 'x-console-shell-secret': secret })).status).toBe(200);
    expect((await app.inject({ url: '/api/health', headers: { host: `localhost:${port}`, 'x-console-shell-secret': secret } })).statusCode).toBe(200);
  });

  it('refuses another Host (DNS rebinding), even with the secret', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const res = await app.inject({ url: '/api/health', headers: { host, 'x-console-shell-secret': secret } });
      expect(res.statusCode, host).toBe(403);
      expect(Object.keys(res.json() as object).sort()).toEqual(['code', 'message']);
    }
  });

  it('refuses a request without the secret or with a wrong one (a browser page on the same PC)', async () => {
    expect((await get(`127.0.0.1:${port}`)).status).toBe(403);
    expect((await get(`127.0.0.1:${port}`, { 'x-console-shell-secret': 'k'.repeat(42) + 'x' })).status).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/session', headers: { host: `127.0.0.1:${port}` }, payload: { username: 'agent', password: 'x' } })).statusCode).toBe(403);
  });

  it('is off for a shared API (no secret configured)', async () => {
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('support.example.dk')).toBe(false);
    const shared = await buildApp({ handlers, authenticator: { authenticate: async () => null }, version: '1' });
    expect((await shared.inject({ url: '/api/health', headers: { host: 'support.example.dk' } })).statusCode).toBe(200);
    await shared.close();
  });
});

describe('loopback Host guard without the shell (npm run serve on 127.0.0.1)', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await buildApp({ handlers, authenticator: { authenticate: async () => null }, version: '1', loopbackHostOnly: true });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it('answers its own loopback Host without any secret, and refuses every other Host', async () => {
    for (const name of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(isLoopbackHost(name), name).toBe(true);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      const res = await app.inject({ url: '/api/health', headers: { host } });
      expect(res.statusCode, host).toBe(403);
      expect(res.json()).toEqual({ code: 'forbidden', message: 'This address does not serve the console.' });
    }
  });
});
