export { codeAlphabets, codeEntropyBits, createCodeHasher, generateCode, groupCode, normaliseCode, type CodeHasher } from './code-secret';
export { codeStatus, isLiveCode, liveCodeWhere, type CodeStateColumns } from './code-status';
export { codeViewFor, noCode, toCodeView, type CodeRow } from './code-view';
export { createCodesService, type CodesService } from './codes-service';
export type { CodesDeps } from './deps';
export { redeemFailedMessage } from './errors';
export { smsText } from './issue';
export { maskMobile } from './mask';
