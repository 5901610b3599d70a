// The HTTP SMS gateway against a stub gateway on 127.0.0.1: success, 500, timeout, and retry only with
// idempotency keys. Then the whole issue path with a failing gateway: the code is revoked, not "sent".
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSmsGatewayConfig } from '../../../../../server/config';
import { auditEvents } from '../../../../../server/db/schema/audit';
import { messageOutbox } from '../../../../../server/db/schema/outbox';
import { activationCodes } from '../../../../../server/db/schema/verifications';
import { createHttpSmsGateway, type SmsMessage } from '../../../../../server/services/sms/index';
import { describeEachDatabase } from '../../../../support/databases';
import { createCodesTestApi, insertPerson, insertVerification, issue, redeem, redeemPayload, type CodesTestApi } from '../../../../support/code-helpers';

interface Received {
  headers: IncomingMessage['headers'];
  body: { to: string; from: string; text: string; reference: string };
}

/** A stub SMS gateway: answers each POST with the next behaviour in `plan` (then the last one again). */
class StubGateway {
  received: Received[] = [];
  plan: ('ok' | '500' | 'hang')[] = ['ok'];
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: JSON.parse(raw) as Received['body'] });
      const step = this.plan[Math.min(this.received.length - 1, this.plan.length - 1)];
      if (step === 'hang') return; // never answers: the client's timeout must fire
      res.statusCode = step === '500' ? 500 : 202;
      res.end(JSON.stringify({ id: 'msg-1' }));
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/sms`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const message: SmsMessage = {
  to: '+4520123456',
  toMasked: '+45 •• •• •• 56',
  body: 'Din aktiveringskode til MitID er 1234 5678.',
  idempotencyKey: 'code-1',
  mitidUserId: 'test.user',
  subjectHmac: 'a'.repeat(64),
  codeId: 'code-1',
  at: new Date(),
};

describe('HTTP SMS gateway', () => {
  const stub = new StubGateway();
  let url: string;
  beforeAll(async () => {
    url = await stub.start();
  });
  afterEach(() => {
    stub.received = [];
    stub.plan = ['ok'];
  });
  afterAll(async () => stub.stop());

  const gateway = (idempotencyKeys: boolean) =>
    createHttpSmsGateway({ url, token: 'test-token-0123456789', timeoutMs: 300, idempotencyKeys, sender: 'MitID' });

  it('posts the message with the bearer token', async () => {
    expect(await gateway(false).send(message, null)).toEqual({ ok: true });
    expect(stub.received).toHaveLength(1);
    expect(stub.received[0]?.headers.authorization).toBe('Bearer test-token-0123456789');
    expect(stub.received[0]?.headers['idempotency-key']).toBeUndefined();
    expect(stub.received[0]?.body).toEqual({ to: '+4520123456', from: 'MitID', text: message.body, reference: 'code-1' });
  });

  it('a 500 is a failure and, without idempotency keys, is not retried', async () => {
    stub.plan = ['500'];
    expect(await gateway(false).send(message, null)).toEqual({ ok: false, failure: 'rejected', status: 500 });
    expect(stub.received).toHaveLength(1);
  });

  it('a gateway that does not answer is a timeout, not retried', async () => {
    stub.plan = ['hang'];
    const started = Date.now();
    expect(await gateway(false).send(message, null)).toEqual({ ok: false, failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stub.received).toHaveLength(1);
  });

  it('with idempotency keys a failed POST is retried under the same key', async () => {
    stub.plan = ['500', 'hang', 'ok'];
    expect(await gateway(true).send(message, null)).toEqual({ ok: true });
    expect(stub.received).toHaveLength(3);
    expect(new Set(stub.received.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['code-1']));
  });

  it('unreachable gateway', async () => {
    const down = createHttpSmsGateway({ url: 'http://127.0.0.1:9/v1/sms', token: 'test-token-0123456789', timeoutMs: 300, idempotencyKeys: false, sender: 'MitID' });
    expect(await down.send(message, null)).toEqual({ ok: false, failure: 'unreachable' });
  });
});

describe('SMS gateway configuration', () => {
  it('is off without SMS_GATEWAY_URL, and validated when set', () => {
    expect(readSmsGatewayConfig({})).toBeUndefined();
    expect(readSmsGatewayConfig({ SMS_GATEWAY_URL: 'https://sms.example/v1', SMS_GATEWAY_TOKEN: 'x'.repeat(16) })).toEqual({
      url: 'https://sms.example/v1',
      token: 'x'.repeat(16),
      timeoutMs: 5_000,
      idempotencyKeys: false,
      sender: 'MitID',
    });
    expect(() => readSmsGatewayConfig({ SMS_GATEWAY_URL: 'https://sms.example/v1' })).toThrow(/SMS_GATEWAY_TOKEN/);
    expect(() => readSmsGatewayConfig({ SMS_GATEWAY_URL: 'http://sms.example/v1', SMS_GATEWAY_TOKEN: 'x'.repeat(16) })).toThrow(/https/);
    expect(() => readSmsGatewayConfig({ SMS_GATEWAY_URL: 'https://sms.example/v1', SMS_GATEWAY_TOKEN: 'x'.repeat(16), SMS_GATEWAY_TIMEOUT_MS: '10' })).toThrow(
      /SMS_GATEWAY_TIMEOUT_MS/,
    );
  });
});

describeEachDatabase('issuing through the HTTP gateway', (get) => {
  const stub = new StubGateway();
  let api: CodesTestApi;
  let agent: { token: string; userId: string };
  beforeAll(async () => {
    const url = await stub.start();
    api = await createCodesTestApi(get(), { smsGateway: { url, token: 'test-token-0123456789', timeoutMs: 300, idempotencyKeys: false, sender: 'MitID' } });
    agent = await api.signIn('agent');
  });
  afterAll(async () => {
    await api?.close();
    await stub.stop();
  });

  async function issueWith(plan: StubGateway['plan']) {
    stub.plan = plan;
    stub.received = [];
    const person = await insertPerson(api.db, api.clock.now());
    const id = await insertVerification(api.db, agent.userId, person, api.clock.now());
    const res = await issue(api, agent.token, id);
    const [row] = await api.db.select().from(activationCodes).where(eq(activationCodes.verificationId, id));
    const actions = (await api.db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.verificationId, id)).orderBy(auditEvents.seq)).map((r) => r.a);
    return { person, res, row, actions, id };
  }

  it('a delivered SMS: sent, with the code only in the POST body', async () => {
    const { res, row, actions, person } = await issueWith(['ok']);
    expect(res.body.code.status).toBe('sent');
    expect(row?.deliveryStatus).toBe('sent');
    expect(actions).toEqual(['code.issued', 'code.sent']);
    const code = /er (\d{4} \d{4})\./.exec(stub.received[0]?.body.text ?? '')?.[1]?.replace(' ', '');
    expect(code).toMatch(/^\d{8}$/);
    // Nothing of the SMS is kept in the outbox for a real gateway; the Digital Post notice is.
    expect((await api.db.select().from(messageOutbox).where(eq(messageOutbox.mitidUserId, person.userId))).map((m) => m.channel)).toEqual(['digital_post']);
    expect((await redeem(api, redeemPayload(person.userId, code as string))).status).toBe(200);
  });

  for (const [name, plan, failure] of [
    ['a 500', ['500'], 'rejected'],
    ['a timeout', ['hang'], 'timeout'],
  ] as const) {
    it(`${name} leaves the code revoked as delivery_failed, the agent sees it, and it cannot be redeemed`, async () => {
      const { res, row, actions, person, id } = await issueWith([...plan]);
      expect(res.status).toBe(200);
      expect(res.body.code.status).toBe('delivery_failed');
      expect(row?.revokeReason).toBe('delivery_failed');
      expect(row?.revokedAt).not.toBeNull();
      expect(actions).toEqual(['code.issued', 'code.delivery_failed']);
      const [event] = await api.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'code.delivery_failed'), eq(auditEvents.verificationId, id)));
      expect(event?.payload).toMatchObject({ gateway: 'http', failure });
      expect(stub.received).toHaveLength(1);
      const code = /er (\d{4} \d{4})\./.exec(stub.received[0]?.body.text ?? '')?.[1] ?? '';
      expect((await redeem(api, redeemPayload(person.userId, code))).status).toBe(401);
      // No "code sent" notice for a code that never arrived.
      expect(await api.db.select().from(messageOutbox).where(eq(messageOutbox.mitidUserId, person.userId))).toHaveLength(0);
    });
  }
});
