// The verification engine (issue "Verification engine"); handlers in server/handlers/verification.ts.
export { createVerificationService, type VerificationService, type VerificationServiceDeps } from './verification-service';
export { questionKinds, fullyCorrectScore, maxPerFamily } from './question-kinds';
export { toVerificationView, toQuestionView } from './view';
