// The audit chain: append inside the caller's transaction, verify by streaming the table.
export { appendAuditEvents, auditEventInputSchema, type AppendedEvent, type AuditEventInput } from './append';
export { canonicalJson } from './canonical-json';
export { chainHash, eventBytes, genesisHash } from './chain';
export { createSubjectHmac, type SubjectHmac } from './subject-hmac';
export { verifyAuditChain, type VerifyOptions, type VerifyResult } from './verify';
