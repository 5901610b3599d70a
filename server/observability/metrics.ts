// What the Support API reports about itself. Services and the HTTP layer see only this interface;
// server/observability/prometheus.ts implements it with prom-client, built in the composition root.
// Every label is a name from a closed set (route pattern, method, status, enum value): never a
// request value, id or anything personal.
import type { OutcomeReason, VerificationStatus } from '../../shared/api/index';

export type CodeEvent = 'issued' | 'delivery_failed' | 'redeemed' | 'redeem_failed';

export interface SupportMetrics {
  /** One answered HTTP request, by route pattern (e.g. /api/verifications/:id), never the URL. */
  request(route: string, method: string, status: number, seconds: number): void;
  /** A verification reached an end state (as answered to the agent). */
  verificationEnded(status: VerificationStatus, reason: OutcomeReason | null): void;
  /** An activation code was issued, not delivered, redeemed, or a redeem failed (reason: the error code). */
  code(event: CodeEvent, reason?: string): void;
}

export const noMetrics: SupportMetrics = {
  request: () => {},
  verificationEnded: () => {},
  code: () => {},
};
