// Calls the supervisor operations of a test API by name, with the contract's method and path.
import { operations, pathParams, inputInQuery, type OperationName } from '../../../../../shared/api/index';
import { bearer, type TestApi } from '../../../../support/support-api';

export async function callOp(api: TestApi, token: string, name: OperationName, input: Record<string, unknown> = {}) {
  const op = operations[name];
  let url: string = op.path;
  const rest = { ...input };
  for (const p of pathParams(op.path)) {
    url = url.replace(`:${p}`, encodeURIComponent(String(rest[p])));
    delete rest[p];
  }
  if (inputInQuery(op.method)) {
    const q = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)]));
    if ([...q].length > 0) url += `?${q}`;
    return api.app.inject({ method: op.method, url, headers: bearer(token) });
  }
  return api.app.inject({ method: op.method, url, headers: bearer(token), payload: rest });
}
