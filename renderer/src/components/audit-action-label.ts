import type { TFunction } from 'i18next';

/** A readable name for an audit action ('code.issued' → "Activation code issued"); unknown ones show as written. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `review.actions.${action.replace(/\./g, '_')}`;
  return t(key as never, { defaultValue: action });
}

// Only these carry a reason a person typed; elsewhere `reason` is a code (e.g. an outcome).
const typedReasons = /^(review\.|code\.revoked$|cosign\.(approved|denied)$)/;

/** The one line a supervisor needs from an event's payload (question, score, typed reason), or ''. */
export function eventDetail(t: TFunction, action: string, payload: Record<string, unknown>, formatScore: (score: number) => string): string {
  const seq = typeof payload.seq === 'number' ? payload.seq : null;
  const kind = typeof payload.kind === 'string' ? t(`review.questionKind.${payload.kind}` as never, { defaultValue: payload.kind }) : '';
  if (action === 'verification.question_asked' && seq !== null) return t('review.eventQuestion' as never, { seq, kind });
  if (action === 'verification.answer_scored' && seq !== null) {
    const score = payload.dontKnow === true ? t('detail.dontKnow' as never) : typeof payload.score === 'number' ? formatScore(payload.score * 100) : '';
    return t('review.eventScore' as never, { seq, score });
  }
  if (typedReasons.test(action) && typeof payload.reason === 'string') return `${t('review.reasonLabel' as never)}: ${payload.reason}`;
  // Why the activation page refused a code (wrong, used, replaced, …), a code of the server's.
  if (action === 'code.redeem_failed' && typeof payload.reason === 'string') return t(`review.redeemFailReason.${payload.reason}` as never, { defaultValue: payload.reason });
  return '';
}

/** Who did it, as the timeline and the person access log both show it: a name, "System" or "Caller (activation page)". */
export function actorLabel(t: TFunction, actor: { id: string; displayName: string | null }): string {
  if (actor.displayName) return actor.displayName;
  if (actor.id === 'public') return t('detail.public' as never);
  if (actor.id === 'system') return t('detail.system' as never);
  return actor.id;
}
