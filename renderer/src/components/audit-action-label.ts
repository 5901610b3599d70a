import type { TFunction } from 'i18next';

/** A readable name for an audit action ('code.issued' → "Activation code issued"); unknown ones show as written. */
export function actionLabel(t: TFunction, action: string): string {
  const key = `review.actions.${action.replace(/\./g, '_')}`;
  return t(key as never, { defaultValue: action });
}
