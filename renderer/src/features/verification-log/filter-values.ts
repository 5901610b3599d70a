// The filter form's values (strings, as inputs hold them) and the contract's filter, both ways.
import type { VerificationFilterInput, VerificationStatus } from '../../../../shared/api/index';
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
}

export const emptyFilterValues: FilterValues = { from: '', to: '', agentId: '', status: '', flagged: '', cpr: '', callId: '' };


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
