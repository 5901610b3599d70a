// A real SMS gateway over HTTPS (ky). One POST per code with a timeout. A POST is retried only when the
// gateway honours an Idempotency-Key (then a retry cannot send a second SMS); otherwise a failed or
// timed-out POST is reported as failed and the code is revoked, never assumed "sent".
import ky, { HTTPError, TimeoutError } from 'ky';
import type { SmsGateway, SmsResult } from './sms-gateway';

export interface HttpSmsGatewayConfig {
  url: string;
  token: string;
  timeoutMs: number;
  /** The gateway deduplicates POSTs by the Idempotency-Key header. */
  idempotencyKeys: boolean;
  /** Sender name shown on the phone. */
  sender: string;
}

export function createHttpSmsGateway(config: HttpSmsGatewayConfig): SmsGateway {
  const client = ky.create({
    timeout: config.timeoutMs,
    headers: { authorization: `Bearer ${config.token}` },
    retry: config.idempotencyKeys
      ? { limit: 2, methods: ['post'], statusCodes: [408, 429, 500, 502, 503, 504], retryOnTimeout: true, backoffLimit: 1_000 }
      : { limit: 0 },
  });
  return {
    kind: 'http',
    inTransaction: false,
    async send(message): Promise<SmsResult> {
      try {
        await client.post(config.url, {
          json: { to: message.to, from: config.sender, text: message.body, reference: message.codeId },
          ...(config.idempotencyKeys ? { headers: { 'idempotency-key': message.idempotencyKey } } : {}),
        });
        return { ok: true };
      } catch (error) {
        if (error instanceof TimeoutError) return { ok: false, failure: 'timeout' };
        if (error instanceof HTTPError) return { ok: false, failure: 'rejected', status: error.response.status };
        return { ok: false, failure: 'unreachable' };
      }
    },
  };
}
