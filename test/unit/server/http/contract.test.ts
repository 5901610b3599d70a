import { describe, expect, it } from 'vitest';
import { operationNames, operations, type Operation } from '../../../../shared/api/index';
import { buildApp } from '../../../../server/http/build-app';
import type { OperationHandlers } from '../../../../server/handlers/context';

const health = { status: 'ok' as const, version: '9.9.9', database: 'pglite' as const, sandbox: true };

function handlers(overrides: Partial<Record<string, (input: unknown) => Promise<unknown>>> = {}): OperationHandlers {
  const base = Object.fromEntries(operationNames.map((n) => [n, async () => ({})]));
  return { ...base, getHealth: async () => health, ...overrides } as unknown as OperationHandlers;
}

describe('contract → routes', () => {
  it('registers a route for every operation and describes it in OpenAPI', async () => {
    const app = await buildApp({ handlers: handlers(), authenticator: { authenticate: async () => null }, version: '1' });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const name of operationNames) {
      const op = operations[name] as Operation;
      const openApiPath = op.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(app.hasRoute({ method: op.method, url: op.path }), name).toBe(true);
      expect(doc.paths[openApiPath]?.[op.method.toLowerCase()]?.operationId).toBe(name);
    }
  });

  it('refuses to send a response that fails the output schema', async () => {
    const app = await buildApp({
      handlers: handlers({ getHealth: async () => ({ status: 'ok', version: 1, database: 'oracle' }) }),
      authenticator: { authenticate: async () => null },
      version: '1',
    });
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'internal', message: expect.any(String) });
    expect(res.body).not.toContain('oracle');
  });

  it('answers an unknown route with {code, message} and no stack', async () => {
    const app = await buildApp({ handlers: handlers(), authenticator: { authenticate: async () => null }, version: '1' });
    const res = await app.inject({ url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'message']);
  });

  it('keeps the health schema strict about its fields', () => {
    expect(operations.getHealth.output.safeParse(health).success).toBe(true);
    expect(operations.getHealth.output.safeParse({ ...health, status: 'down' }).success).toBe(false);
  });
});
