// Where a caller goes when this call cannot, or need not, end with an activation code (MitID's public
// help pages, docs/routing.md): MitID Erhverv to the organisation's user administrator, self-service on
// MitID.dk for a caller with the MitID app, Borgerservice with photo ID and the health insurance card.
import type { VerificationView } from '../../../../shared/api/index';
import { outcomeScriptKey, type ScriptKey } from './outcome';

export type Route = 'erhverv' | 'selfService' | 'borgerservice';

/** Outcome lines that already send the caller to Borgerservice and say what to bring: no second line. */
const namesWhatToBring: readonly ScriptKey[] = ['script.borgerservice', 'script.lockedOut', 'script.noMitid'];

/**
 * The routes to offer after this outcome. None when the caller may not be who they claim (deceased,
 * disappeared, suspected fraud: say nothing more) or is gone (hung up).
 */
export function routesFor(view: Pick<VerificationView, 'status' | 'outcome' | 'code'>): Route[] {
  const reason = view.outcome?.reason;
  if (reason === 'deceased' || reason === 'disappeared' || reason === 'suspected_fraud' || reason === 'caller_hung_up') return [];
  // Verified and the code is on its way: nothing to route, unless the business identity was meant.
  if (view.status === 'passed' && (view.code.status === 'none' || view.code.status === 'sent' || view.code.status === 'redeemed')) return ['erhverv'];
  // "Could not be verified" says nothing about why: no route names a document (the outcome's own line
  // already sends the caller to Borgerservice).
  if (reason === 'identity_not_verified') return ['erhverv', 'selfService'];
  const script = outcomeScriptKey(view);
  const borgerservice: Route[] = script && namesWhatToBring.includes(script) ? [] : ['borgerservice'];
  // Without a MitID there is nothing to change on MitID.dk: only Borgerservice issues one.
  if (reason === 'no_mitid') return ['erhverv', ...borgerservice];
  return ['erhverv', 'selfService', ...borgerservice];
}
