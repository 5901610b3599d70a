// Prometheus metrics of a running Support API: the names an operator alerts on are there after real
// requests, labels hold route patterns and closed-set names only (never an id from the path or a value
// from the body), and /metrics answers only behind its token or on its own port.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationView } from '../../../../shared/api/index';
import type { OperationHandlers } from '../../../../server/handlers/context';
import { instrumentHandlers } from '../../../../server/observability/instrument-handlers';
import type { SupportMetrics } from '../../../../server/observability/metrics';
import { startSupportApi, type RunningSupportApi } from '../../../../server/start';
import { tempDir } from '../../../support/databases';
import { testScryptParams } from '../../../support/support-api';

const token = 'metrics-token-for-the-test-0123';
const masterKey = Buffer.alloc(32, 5).toString('base64');

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Every label value in an exposition text. */
function labelValues(text: string): string[] {
  return [...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => m[2] as string);
}

describe('metrics on the API port, behind a token', () => {
  const tmp = tempDir();
  let api: RunningSupportApi;
  beforeAll(async () => {
    api = await startSupportApi({ dataDir: tmp.dir, seed: false, demoAccounts: true, scryptParams: testScryptParams, masterKey, metrics: { token } });
  });
  afterAll(async () => {
    await api?.close();
    tmp.remove();
  });

  it('refuses /metrics without the token or with a wrong one', async () => {
    expect(api.metricsUrl).toBe(`${api.url}/metrics`);
    expect((await fetch(api.metricsUrl!)).status).toBe(401);
    expect((await fetch(api.metricsUrl!, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const body = await (await fetch(api.metricsUrl!, { headers: { authorization: 'Bearer nope' } })).text();
    expect(body).not.toContain('support_api_requests_total');
  });

  it('counts requests per route pattern, verifications, codes, audit appends, the pool and event-loop lag', async () => {
    const secretUsername = 'someone-secret-4711';
    const login = await post(`${api.url}/api/session`, { username: 'agent', password: 'agent-demo-pass' });
    expect(login.status).toBe(200);
    const { token: session } = (await login.json()) as { token: string };
    expect((await post(`${api.url}/api/session`, { username: secretUsername, password: 'wrong-password' })).status).toBe(401);
    const id = randomUUID();
    expect((await fetch(`${api.url}/api/verifications/${id}`, { headers: { authorization: `Bearer ${session}` } })).status).toBe(404);
    expect((await fetch(`${api.url}/api/no-such-route/${id}`)).status).toBe(404);
    const redeem = await post(`${api.url}/api/activation/redeem`, { userId: 'kirsten.holm', code: 'ABCD2345', newPassword: 'x', repeatPassword: 'x' });
    expect(redeem.status).toBeGreaterThanOrEqual(400);

    const res = await fetch(api.metricsUrl!, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('support_api_requests_total{route="/api/session",method="POST",status="200"} 1');
    expect(text).toContain('support_api_requests_total{route="/api/session",method="POST",status="401"} 1');
    expect(text).toContain('support_api_requests_total{route="/api/verifications/:id",method="GET",status="404"} 1');
    expect(text).toContain('support_api_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(text).toMatch(/support_api_request_duration_seconds_count\{route="\/api\/session",method="POST"\} 2/);
    expect(text).toMatch(/support_activation_codes_total\{event="redeem_failed",reason="[a-z_]+"\} 1/);
    expect(text).toContain('# TYPE support_verifications_ended_total counter');
    // Two sign-ins wrote audit events.
    expect(Number(/support_audit_append_duration_seconds_count (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
    expect(text).toContain('support_db_pool_size 1');
    expect(text).toContain('support_db_pool_in_use 1');
    expect(text).toContain('support_db_pool_waiting 0');
    expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);

    // No value from a path, a body or a header ever becomes a label.
    const values = labelValues(text);
    for (const forbidden of [id, secretUsername, 'agent', 'kirsten.holm', 'ABCD2345', session]) expect(values).not.toContain(forbidden);
    expect(text).not.toContain(id);
    expect(text).not.toContain(secretUsername);
  });
});

describe('metrics on their own port', () => {
  const tmp = tempDir();
  let api: RunningSupportApi;
  beforeAll(async () => {
    api = await startSupportApi({ dataDir: tmp.dir, seed: false, demoAccounts: false, masterKey, metrics: { port: 0, host: '127.0.0.1' } });
  });
  afterAll(async () => {
    await api?.close();
    tmp.remove();
  });

  it('serves /metrics on the metrics listener only, and closes it with the API', async () => {
    expect(api.metricsUrl).toBeDefined();
    expect(new URL(api.metricsUrl!).port).not.toBe(new URL(api.url).port);
    await fetch(`${api.url}/api/health`);
    const text = await (await fetch(api.metricsUrl!)).text();
    expect(text).toContain('support_api_requests_total{route="/api/health",method="GET",status="200"} 1');
    // The public port does not expose it.
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
  });
});

describe('instrumentHandlers', () => {
  const view = (status: VerificationView['status'], reason: string | null, code: VerificationView['code']['status'] = 'none') =>
    ({ status, outcome: reason ? { reason } : null, code: { status: code } }) as unknown as VerificationView;

  it('counts end states, issued and undelivered codes, redeems and failed redeems by error code', async () => {
    const seen: string[] = [];
    const metrics: SupportMetrics = {
      request: () => {},
      verificationEnded: (status, reason) => void seen.push(`ended ${status} ${reason}`),
      code: (event, reason) => void seen.push(`code ${event}${reason ? ` ${reason}` : ''}`),
    };
    const { ApiError } = await import('../../../../shared/api/index');
    let redeemFails = false;
    const handlers = instrumentHandlers(
      {
        startVerification: async () => view('in_progress', null),
        answerQuestion: async () => view('passed', 'passed'),
        abortVerification: async () => view('aborted', 'caller_hung_up'),
        issueActivationCode: async () => view('passed', 'passed', redeemFails ? 'delivery_failed' : 'sent'),
        redeemActivationCode: async () => {
          if (redeemFails) throw new ApiError(400, 'invalid_code', 'The code is not valid.');
          return { ok: true as const };
        },
      } as unknown as OperationHandlers,
      metrics,
    );
    const ctx = {} as never;
    await handlers.startVerification({} as never, ctx);
    await handlers.answerQuestion({} as never, ctx);
    await handlers.abortVerification({} as never, ctx);
    await handlers.issueActivationCode({} as never, ctx);
    await handlers.redeemActivationCode({} as never, ctx);
    redeemFails = true;
    await handlers.issueActivationCode({} as never, ctx);
    await expect(handlers.redeemActivationCode({} as never, ctx)).rejects.toThrow('The code is not valid.');
    expect(seen).toEqual([
      'ended passed passed',
      'ended aborted caller_hung_up',
      'code issued',
      'code redeemed',
      'code delivery_failed',
      'code redeem_failed invalid_code',
    ]);
  });
});
