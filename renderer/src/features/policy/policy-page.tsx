import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Supervisor: verification policy (lazy route) — placeholder until the real screen lands (replace this file's body). */
export function PolicyPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.policy')} />;
}
