import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import {
  ApiError,
  apiErrorBodySchema,
  errorCodes,
  inputInQuery,
  operations,
  pathParams,
  type ConsoleApi,
  type Operation,
  type OperationName,
} from '../api/index';

export interface HttpClientOptions {
  /** Origin of the Support API, e.g. `http://127.0.0.1:4312`. */
  baseUrl: string;
  /** Per-request timeout in ms (the agent must learn quickly that the API is down). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Called when the server says the session is gone (401), so the UI can ask to sign in again. */
  onUnauthenticated?: () => void;
  /** Headers sent with every request (the desktop shell's per-launch secret for its embedded API). */
  headers?: Record<string, string>;
}

export interface HttpConsoleApi extends ConsoleApi {
  /** Whether a session token is held (the token itself never leaves this object). */
  hasSession(): boolean;
  clearSession(): void;
  /**
   * GETs a file the Support API streams (a path of its own, e.g. the CSV export) with the session;
   * answers the response with its body unread. No time limit: the caller aborts through `signal`.
   */
  download(path: string, signal: AbortSignal): Promise<Response>;
}

/** Splits an operation's input into path, query and body parts, as the contract says. */
export function encodeRequest(op: Operation, input: Record<string, unknown>) {
  const params = pathParams(op.path);
  let path: string = op.path;
  const rest: Record<string, unknown> = { ...input };
  for (const p of params) {
    path = path.replace(`:${p}`, encodeURIComponent(String(rest[p])));
    delete rest[p];
  }
  if (inputInQuery(op.method)) {
    const searchParams = new URLSearchParams();
    for (const [k, v] of Object.entries(rest)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) v.forEach((item) => searchParams.append(k, String(item)));
      else searchParams.set(k, v instanceof Date ? v.toISOString() : String(v));
    }
    return { path, searchParams, json: undefined };
  }
  return { path, searchParams: undefined, json: rest };
}

async function toApiError(error: unknown): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPError) {
    const parsed = apiErrorBodySchema.safeParse(error.data);
    if (parsed.success) return new ApiError(error.response.status, parsed.data.code, parsed.data.message);
    return new ApiError(error.response.status, errorCodes.internal, `The Support API answered ${error.response.status}.`);
  }
  if (error instanceof TimeoutError) {
    return new ApiError(0, errorCodes.unreachable, 'The Support API did not answer in time.');
  }
  return new ApiError(0, errorCodes.unreachable, 'The Support API could not be reached.');
}

/** A `ConsoleApi` over HTTP with ky. Used by Electron's main process and by the browser preview. */
export function createHttpClient(options: HttpClientOptions): HttpConsoleApi {
  let token: string | undefined;
  const http: KyInstance = ky.create({
    baseUrl: options.baseUrl,
    timeout: options.timeoutMs ?? 15_000,
    // Only idempotent reads are retried: a retried POST could double a state change.
    retry: { limit: 2, methods: ['get'] },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: [
        ({ request }) => {
          for (const [name, value] of Object.entries(options.headers ?? {})) request.headers.set(name, value);
          if (token) request.headers.set('authorization', `Bearer ${token}`);
        },
      ],
    },
  });

  async function call(name: OperationName, input: unknown): Promise<unknown> {
    const op = operations[name] as Operation;
    const parsedInput = op.input.safeParse(input ?? {});
    if (!parsedInput.success) {
      throw new ApiError(400, errorCodes.badRequest, parsedInput.error.issues[0]?.message ?? 'Invalid input.');
    }
    const req = encodeRequest(op, parsedInput.data as Record<string, unknown>);
    try {
      const body = await http(req.path, {
        method: op.method,
        ...(req.searchParams ? { searchParams: req.searchParams } : {}),
        ...(req.json !== undefined ? { json: req.json } : {}),
      }).json();
      const out = op.output.safeParse(body);
      if (!out.success) throw new ApiError(502, errorCodes.internal, 'The Support API sent an unexpected answer.');
      if (op.issuesToken) {
        const { token: issued, ...rest } = out.data as { token: string };
        token = issued;
        return rest;
      }
      if (op.endsSession) token = undefined;
      return out.data;
    } catch (error) {
      const apiError = await toApiError(error);
      if (apiError.status === 401 && !op.issuesToken) {
        token = undefined;
        options.onUnauthenticated?.();
      }
      throw apiError;
    }
  }

  const api = Object.fromEntries(
    (Object.keys(operations) as OperationName[]).map((name) => [name, (input: unknown) => call(name, input)]),
  ) as unknown as ConsoleApi;

  return Object.assign(api, {
    hasSession: () => token !== undefined,
    clearSession: () => {
      token = undefined;
    },
    download: async (path: string, signal: AbortSignal) => {
      // Only a path on this API: '//host/…' or a full URL would take the session elsewhere.
      if (!path.startsWith('/') || path.startsWith('//')) throw new ApiError(400, errorCodes.badRequest, 'Not a path on the Support API.');
      try {
        return await http.get(path, { signal, timeout: false, retry: 0 });
      } catch (error) {
        if (signal.aborted) throw error;
        throw await toApiError(error);
      }
    },
  });
}
