import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Supervisor: audit log hash-chain check (lazy route) — placeholder until the real screen lands (replace this file's body). */
export function IntegrityPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.integrity')} />;
}
