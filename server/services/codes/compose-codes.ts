// Builds the codes area from the composition root's parts: the SMS gateway chosen by configuration
// (HTTP when SMS_GATEWAY_URL is set, else the sandbox outbox), Digital Post notices, the page plugin.
import { activationPagePlugin, defaultRedeemLimit, type ActivationPageOptions } from '../../activation-page/plugin';
import type { Clock } from '../../clock';
import type { Database, Tx } from '../../db/types';
import { registerIsSandbox } from '../../handlers/health';
import type { Secrets } from '../../secrets';
import type { ScryptParams } from '../accounts/password';
import { createDigitalPostOutboxNotifier } from '../notify/notifier';
import { createOutboxSealer } from '../notify/outbox-sealer';
import { createHttpSmsGateway, type HttpSmsGatewayConfig } from '../sms/http-sms-gateway';
import { createSandboxSmsGateway } from '../sms/sandbox-sms-gateway';
import { createCodeHasher } from './code-secret';
import { createCodesService } from './codes-service';

export interface CodesConfig {
  embedded: boolean;
  /** A real SMS gateway; without it codes go to the sandbox phone (sandbox registers only). */
  smsGateway?: HttpSmsGatewayConfig | undefined;
  redeemLimit?: ActivationPageOptions['redeemLimit'] | undefined;
  scryptParams?: ScryptParams | undefined;
}

export function composeCodes(
  base: { db: Database; transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>; clock: Clock; secrets: Secrets },
  unsealCpr: (sealed: string) => string,
  config: CodesConfig,
) {
  const outboxSealer = createOutboxSealer(base.secrets);
  const isSandbox = () => registerIsSandbox(base.db, config.embedded);
  const codes = createCodesService({
    ...base,
    sms: config.smsGateway ? createHttpSmsGateway(config.smsGateway) : createSandboxSmsGateway(outboxSealer),
    notifier: createDigitalPostOutboxNotifier(outboxSealer),
    hashCode: createCodeHasher(base.secrets),
    outboxSealer,
    unsealCpr,
    isSandbox,
    ...(config.scryptParams ? { scryptParams: config.scryptParams } : {}),
  });
  return { codes, plugin: activationPagePlugin({ redeemLimit: config.redeemLimit ?? defaultRedeemLimit, isSandbox }) };
}
