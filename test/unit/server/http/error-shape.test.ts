// Every answer that is not 2xx is {code, message} with a fixed message, also for what Fastify and
// Node's HTTP parser refuse themselves; and a caller without a session learns nothing of the body schema.
import net from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../../shared/api/index';
import { buildApp } from '../../../../server/http/build-app';
import type { OperationHandlers } from '../../../../server/handlers/context';

const handlers = Object.fromEntries(operationNames.map((n) => [n, async () => ({})])) as unknown as OperationHandlers;
const marker = 'ECHOMARKER';

/** Sends raw bytes and returns the status and body of the answer. */
async function raw(port: number, request: string): Promise<{ status: number; body: string; head: string }> {
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body, head };
}

describe('error shape', () => {
  let app: FastifyInstance;
  let port: number;
  let consoleDir: string;
  beforeAll(async () => {
    consoleDir = mkdtempSync(path.join(tmpdir(), 'console-'));
    writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    app = await buildApp({ handlers, authenticator: { authenticate: async () => null }, version: '1', consoleDir });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const get = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`;
  const post = (target: string, body: string, type = 'application/json', extra = '') =>
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;

  const cases: [string, () => string, number][] = [
    ['an unknown API route', () => get(`/api/${marker}`), 404],
    ['bad percent-encoding in the path', () => get(`/api/verifications/${marker}%E0%A4%A`), 400],
    ['a header over the size limit', () => get('/api/health', `X-Big: ${marker}${'a'.repeat(20_000)}\r\n`), 431],
    ['a request line that is not HTTP', () => `${marker} \r\n\r\n`, 400],
    ['a body over the limit', () => post('/api/session', JSON.stringify({ username: marker + 'a'.repeat(70_000), password: 'x' })), 413],
    ['a body that is not JSON', () => post('/api/session', `{"username": "${marker}`), 400],
    ['a body of another type', () => post('/api/session', marker, 'application/xml'), 415],
    ['a missing page of the console', () => get(`/${marker}.html`), 404],
    ['a static path with bad encoding', () => get(`/${marker}%ZZ`), 400],
  ];
  for (const [title, request, status] of cases) {
    it(`${title}: ${status} {code, message}, no echo`, async () => {
      const res = await raw(port, request());
      expect(res.status, res.head).toBe(status);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
      expect(res.body).not.toContain(marker);
      expect(res.body).not.toMatch(/FST_|statusCode/);
    });
  }

  it('a path id over the router limit (no console served): 414 {code, message}, no echo', async () => {
    const api = await buildApp({ handlers, authenticator: { authenticate: async () => null }, version: '1' });
    const res = await api.inject({ url: `/api/verifications/${marker}${'a'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expect(Object.keys(res.json() as object).sort()).toEqual(['code', 'message']);
    expect(res.body).not.toContain(marker);
    await api.close();
  });

  it('checks the session before the body: no session and a malformed or wrong body → 401', async () => {
    for (const body of ['{"text": ', JSON.stringify({ text: 5 }), JSON.stringify({ nothing: true })]) {
      const res = await raw(port, post('/api/supervision/verifications/00000000-0000-4000-8000-000000000001/notes', body));
      expect(res.status, res.body).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ code: 'unauthenticated', message: 'Sign in to continue.' });
    }
    const bad = await raw(port, get('/api/verifications/not-a-uuid'));
    expect(bad.status).toBe(401);
  });
});
