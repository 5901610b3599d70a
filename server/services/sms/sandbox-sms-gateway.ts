// The sandbox "phone": the SMS goes into the outbox table, body sealed, for the sandbox phone to show.
import { writeOutbox } from '../notify/outbox';
import type { OutboxSealer } from '../sealing';
import type { SmsGateway } from './sms-gateway';

export function createSandboxSmsGateway(sealer: OutboxSealer): SmsGateway {
  return {
    kind: 'sandbox',
    inTransaction: true,
    async send(message, tx) {
      if (!tx) throw new Error('the sandbox SMS gateway writes inside the issuing transaction');
      await writeOutbox(tx, sealer, {
        channel: 'sms',
        recipientMasked: message.toMasked,
        mitidUserId: message.mitidUserId,
        subjectHmac: message.subjectHmac,
        subject: null,
        body: message.body,
        codeId: message.codeId,
        at: message.at,
      });
      return { ok: true };
    },
  };
}
