export { createHttpSmsGateway, type HttpSmsGatewayConfig } from './http-sms-gateway';
export { createSandboxSmsGateway } from './sandbox-sms-gateway';
export type { SmsFailure, SmsGateway, SmsMessage, SmsResult } from './sms-gateway';
