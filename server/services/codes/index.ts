export { codeAlphabets, codeEntropyBits, createCodeHasher, generateCode, groupCode, normaliseCode, type CodeHasher } from './code-secret';
export { codeStatusOf, codeViewFor, toCodeView, type CodeRow } from './code-view';
export { createCodesService, type CodesService } from './codes-service';
export type { CodesDeps } from './deps';
export { redeemFailedMessage } from './errors';
export { smsText } from './issue';
export { maskMobile } from './mask';
