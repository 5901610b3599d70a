import { exportDownloadPath } from '../../shared/api/index';
import type { OperationHandlers } from './context';
import type { ReviewService } from '../services/review/index';

type SupervisionOps =
  | 'listVerifications'
  | 'listAgents'
  | 'getVerificationDetail'
  | 'addReviewNote'
  | 'setVerificationFlag'
  | 'revealCpr'
  | 'personAccessLog'
  | 'getWatchStats'
  | 'createVerificationExport'
  | 'verifyAuditRange'
  | 'createAuditCheckpoint'
  | 'verifyAuditCheckpoint'
  | 'getPolicy'
  | 'updatePolicy';

export function supervisionHandlers(deps: { review: ReviewService }): Pick<OperationHandlers, SupervisionOps> {
  const { review } = deps;
  return {
    listVerifications: (input) => review.listVerifications(input),
    listAgents: () => review.listAgents(),
    getVerificationDetail: (input) => review.getVerificationDetail(input.id),
    addReviewNote: (input, ctx) => review.addNote(input.id, ctx.principal.userId, input.text),
    setVerificationFlag: (input, ctx) => review.setFlag(input.id, ctx.principal.userId, input.flagged, input.reason),
    revealCpr: (input, ctx) => review.revealCpr(input.id, ctx.principal.userId, input.reason),
    personAccessLog: (input, ctx) => review.personAccessLog(input.cpr, ctx.principal.userId, input.reason),
    getWatchStats: (input) => review.watchStats(new Date(input.from), new Date(input.to)),
    createVerificationExport: async (input, ctx) => {
      const { ticket, expiresAt } = await review.createExport(input.filter, input.sort, ctx.principal.userId);
      return { ticket, downloadPath: `${exportDownloadPath}?ticket=${ticket}`, expiresAt: expiresAt.toISOString() };
    },
    verifyAuditRange: (input, ctx) => review.verifyAuditRange(input.fromSeq, input.limit, ctx.principal.userId),
    createAuditCheckpoint: (_input, ctx) => review.createCheckpoint(ctx.principal.userId),
    verifyAuditCheckpoint: (input) => review.verifyCheckpoint(input.checkpoint),
    getPolicy: () => review.getPolicy(),
    updatePolicy: (input, ctx) => review.updatePolicy(input.policy, input.reason, ctx.principal.userId),
  };
}
