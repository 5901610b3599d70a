// HTTPS to Datafordeler: an OAuth token obtained with the centre's OCES system certificate (client
// credentials over mutual TLS), then GraphQL POSTs with it over the same certificate. Timeouts per
// attempt, retries with backoff on timeouts, connection errors and 5xx; a certificate the other side
// refuses (or one we cannot trust) is not retried. Nothing is written anywhere; no log line carries a
// request or response body (they are personal data).
import { Agent, request } from 'node:https';

export interface DatafordelerConfig {
  /** GraphQL endpoint of the CPR service for the public sector (CustomPublicSectorPerson). */
  graphqlUrl: string;
  /** OAuth token endpoint. */
  tokenUrl: string;
  clientId: string;
  /** PEM: the OCES system certificate and its key. */
  cert: string;
  key: string;
  /** PEM: extra CA to trust (a test stand-in); the system CAs otherwise. */
  ca?: string;
  timeoutMs: number;
  retries: number;
}

export type DatafordelerFailure = 'certificate' | 'timeout' | 'unavailable' | 'refused' | 'bad-response';

export class DatafordelerError extends Error {
  override name = 'DatafordelerError';
  constructor(
    readonly failure: DatafordelerFailure,
    message: string,
  ) {
    super(message);
  }
}

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
]);

interface HttpResult {
  status: number;
  body: string;
}

function post(agent: Agent, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // Whether the TLS handshake got through: a connection dropped during it is the server refusing our certificate.
    let secured = false;
    req.on('socket', (socket) => socket.once('secureConnect', () => (secured = true)));
    req.on('timeout', () => req.destroy(new DatafordelerError('timeout', `no answer within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof DatafordelerError) return reject(error);
      const code = error.code ?? '';
      // A TLS alert from the server (our certificate refused), a server certificate we cannot trust, or
      // the connection dropped inside the handshake.
      if (certificateCodes.has(code) || /certificate|alert/i.test(error.message) || (code === 'ECONNRESET' && !secured)) {
        return reject(new DatafordelerError('certificate', `TLS certificate refused (${code || 'handshake'})`));
      }
      reject(new DatafordelerError('unavailable', `connection failed (${code || 'error'})`));
    });
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DatafordelerClient {
  /** One GraphQL query; `data` of the answer. */
  query<T>(query: string, variables: Record<string, unknown>): Promise<T>;
}

export function createDatafordelerClient(config: DatafordelerConfig): DatafordelerClient {
  const agent = new Agent({ cert: config.cert, key: config.key, ...(config.ca ? { ca: config.ca } : {}), keepAlive: true });
  // The token is not personal data; it is kept until shortly before it expires.
  let token: { value: string; until: number } | null = null;

  async function withRetries(fn: () => Promise<HttpResult>): Promise<HttpResult> {
    let last: DatafordelerError | null = null;
    for (let attempt = 0; attempt <= config.retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)));
      try {
        const result = await fn();
        if (result.status >= 500) {
          last = new DatafordelerError('unavailable', `HTTP ${result.status}`);
          continue;
        }
        return result;
      } catch (error) {
        if (!(error instanceof DatafordelerError)) throw error;
        if (error.failure === 'certificate') throw error;
        last = error;
      }
    }
    throw last ?? new DatafordelerError('unavailable', 'no attempt made');
  }

  async function accessToken(): Promise<string> {
    if (token && token.until > Date.now()) return token.value;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId }).toString();
    const result = await withRetries(() => post(agent, config.tokenUrl, { 'content-type': 'application/x-www-form-urlencoded' }, body, config.timeoutMs));
    if (result.status !== 200) throw new DatafordelerError('refused', `token endpoint answered HTTP ${result.status}`);
    const parsed = JSON.parse(result.body) as { access_token?: unknown; expires_in?: unknown };
    if (typeof parsed.access_token !== 'string') throw new DatafordelerError('bad-response', 'token endpoint gave no access_token');
    const seconds = typeof parsed.expires_in === 'number' ? parsed.expires_in : 300;
    token = { value: parsed.access_token, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
    return token.value;
  }

  return {
    async query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      const bearer = await accessToken();
      const result = await withRetries(() =>
        post(agent, config.graphqlUrl, { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, JSON.stringify({ query, variables }), config.timeoutMs),
      );
      if (result.status === 401 || result.status === 403) {
        token = null;
        throw new DatafordelerError('refused', `the CPR service refused access (HTTP ${result.status})`);
      }
      if (result.status !== 200) throw new DatafordelerError('bad-response', `HTTP ${result.status}`);
      let parsed: { data?: T; errors?: unknown[] };
      try {
        parsed = JSON.parse(result.body) as { data?: T; errors?: unknown[] };
      } catch {
        throw new DatafordelerError('bad-response', 'the answer is not JSON');
      }
      // GraphQL error texts may quote the query's variables (a CPR number): only their count is kept.
      if (parsed.errors?.length || !parsed.data) throw new DatafordelerError('bad-response', `GraphQL errors: ${parsed.errors?.length ?? 0}`);
      return parsed.data;
    },
  };
}
