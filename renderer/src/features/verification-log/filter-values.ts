// The filter form's values (strings, as inputs hold them), their rules as the form's zod schema, and the
// contract's filter.
import { z } from 'zod';
import type { LogCosignFilter, VerificationFilterInput, VerificationStatus } from '../../../../shared/api/index';
import { isCallId } from '../../../../shared/domain/phone-call/call-id';
import { isFullCpr } from '../../components/cpr-lookup-field';

export interface FilterValues {
  /** datetime-local values, in the console's local time */
  from: string;
  to: string;
  agentId: string;
  status: '' | VerificationStatus;
  flagged: '' | 'yes' | 'no';
  cpr: string;
  /** The phone system's call ID, exactly. */
  callId: string;
  cosign: '' | LogCosignFilter;
  redFlagged: '' | 'yes' | 'no';
}

export const emptyFilterValues: FilterValues = { from: '', to: '', agentId: '', status: '', flagged: '', cpr: '', callId: '', cosign: '', redFlagged: '' };

/** In the order a supervisor thinks of them (not the contract's enum: no zod enum needed for a menu). */
export const logCosignFilters: readonly LogCosignFilter[] = ['requested', 'pending', 'approved', 'denied', 'expired'];


const localToIso = (local: string): string | undefined => {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

export function toFilter(v: FilterValues): VerificationFilterInput {
  const filter: VerificationFilterInput = {};
  const from = localToIso(v.from);
  const to = localToIso(v.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (v.agentId) filter.agentId = v.agentId;
  if (v.status) filter.status = v.status;
  if (v.flagged) filter.flagged = v.flagged === 'yes';
  if (v.cpr.trim()) filter.cpr = v.cpr.trim();
  if (v.callId.trim()) filter.callId = v.callId.trim();
  if (v.cosign) filter.cosign = v.cosign;
  if (v.redFlagged) filter.redFlagged = v.redFlagged === 'yes';
  return filter;
}

export interface FilterProblems {
  cpr?: 'cprInvalid';
  callId?: 'callIdInvalid';
  from?: 'dateInvalid';
  to?: 'dateInvalid' | 'rangeInvalid';
}

/** Which problems stop a search: a half-typed CPR number or date, or a range that ends before it starts. */
export function filterProblems(v: FilterValues): FilterProblems {
  const problems: FilterProblems = {};
  if (v.cpr.trim() && !isFullCpr(v.cpr)) problems.cpr = 'cprInvalid';
  if (v.callId.trim() && !isCallId(v.callId.trim())) problems.callId = 'callIdInvalid';
  const from = localToIso(v.from);
  const to = localToIso(v.to);
  if (v.from && !from) problems.from = 'dateInvalid';
  if (v.to && !to) problems.to = 'dateInvalid';
  else if (from && to && to <= from) problems.to = 'rangeInvalid';
  return problems;
}

type Problem = NonNullable<FilterProblems[keyof FilterProblems]>;

/** The form's schema: the values as they are, with filterProblems' findings as issues (messages are log.filters keys). */
export const filterValuesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    agentId: z.string(),
    status: z.custom<FilterValues['status']>((v) => typeof v === 'string'),
    flagged: z.custom<FilterValues['flagged']>((v) => typeof v === 'string'),
    cpr: z.string(),
    callId: z.string(),
    cosign: z.custom<FilterValues['cosign']>((v) => typeof v === 'string'),
    redFlagged: z.custom<FilterValues['redFlagged']>((v) => typeof v === 'string'),
  })
  .superRefine((values, ctx) => {
    for (const [field, message] of Object.entries(filterProblems(values)) as [keyof FilterProblems, Problem][]) {
      ctx.addIssue({ code: 'custom', path: [field], message });
    }
  });
