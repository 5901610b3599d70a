// The path to a shared Support API over https: trust decided by Chromium's verdict plus the managed
// CAs. Electron's session.fetch is played by the mock at the OS boundary (Node's TLS as the OS store,
// then the session's verify proc, as Chromium calls it); the server and its CA are real.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainTrustedByManagedCa } from '../../../../electron/main/certificate-trust';
import { explainNetworkError } from '../../../../electron/main/network-errors';
import { openSupportApiSession, supportApiFetch } from '../../../../electron/main/support-api-session';
import { ApiError } from '../../../../shared/api/api-error';
import { createHttpClient } from '../../../../shared/api-client/http-client';
import { resetElectronMock } from '../../../mocks/electron';
import { makeTestCa, type TestCa } from '../../../support/test-ca';

const port = 4561;
let centreCa: TestCa;
let otherCa: TestCa;
let server: https.Server;

beforeAll(async () => {
  centreCa = makeTestCa('Support Centre Test CA');
  otherCa = makeTestCa('Someone Else CA');
  server = https.createServer({ key: centreCa.serverKeyPem, cert: centreCa.serverCertPem }, (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'ok', version: '1.2.3', database: 'postgres', sandbox: false }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => resetElectronMock());

function clientFor(origin: string, cas: string[]) {
  const session = openSupportApiSession(cas);
  return createHttpClient({ baseUrl: origin, fetch: supportApiFetch(session, origin), timeoutMs: 5000 });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('https to a shared Support API', () => {
  it('reaches a server whose certificate the managed CA issued', async () => {
    const origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    await expect(clientFor(origin, [centreCa.caPem]).getHealth({})).resolves.toEqual({ status: 'ok', version: '1.2.3', database: 'postgres', sandbox: false });
  });

  it('refuses it without the managed CA, in words for IT', async () => {
    const origin = `https://localhost:${port}`;
    const error = await failure(clientFor(origin, []).getHealth({}));
    expect(error).toMatchObject({ status: 0, code: 'unreachable' });
    expect(error.message).toContain(`The certificate of ${origin} is not issued by an authority this PC trusts`);
    expect(error.message).toContain('extraCaCertificates');
    expect(error.message).toContain('ERR_CERT_AUTHORITY_INVALID');
  });

  it('refuses it when the managed CA is another one', async () => {
    const error = await failure(clientFor(`https://localhost:${port}`, [otherCa.caPem]).getHealth({}));
    expect(error.message).toContain('ERR_CERT_AUTHORITY_INVALID');
  });

  it('refuses a certificate from the managed CA for another name', async () => {
    // The certificate names localhost and 127.0.0.1 only.
    const chain = [centreCa.serverCertPem.split(/(?<=-----END CERTIFICATE-----)/)[0]!.trim()];
    expect(chainTrustedByManagedCa(chain, 'localhost', [centreCa.caPem])).toBe(true);
    expect(chainTrustedByManagedCa(chain, '127.0.0.1', [centreCa.caPem])).toBe(true);
    expect(chainTrustedByManagedCa(chain, 'support.example.dk', [centreCa.caPem])).toBe(false);
    expect(chainTrustedByManagedCa(chain, 'localhost', [otherCa.caPem])).toBe(false);
    // … and one used outside its validity.
    expect(chainTrustedByManagedCa(chain, 'localhost', [centreCa.caPem], new Date(Date.now() + 5 * 86_400_000))).toBe(false);
  });

  it('says which step failed for proxy, DNS and refused connections', () => {
    const origin = 'https://support.example.dk';
    expect(explainNetworkError(new Error('net::ERR_PROXY_CONNECTION_FAILED'), origin)).toMatch(/^The proxy server could not be reached .* \(ERR_PROXY_CONNECTION_FAILED\)$/);
    expect(explainNetworkError(new Error('net::ERR_TUNNEL_CONNECTION_FAILED'), origin)).toContain('proxy');
    expect(explainNetworkError(new Error('net::ERR_PROXY_AUTH_UNSUPPORTED'), origin)).toContain('proxy server refused');
    expect(explainNetworkError(new Error('net::ERR_NAME_NOT_RESOLVED'), origin)).toContain('DNS');
    expect(explainNetworkError(new Error('net::ERR_CONNECTION_REFUSED'), origin)).toContain('refused the connection');
    expect(explainNetworkError(new Error('boom'), origin)).toBeUndefined();
  });

  it('reports a refused connection through the session in the same words', async () => {
    const error = await failure(clientFor('http://127.0.0.1:4569', []).getHealth({}));
    expect(error.code).toBe('unreachable');
  });
});
