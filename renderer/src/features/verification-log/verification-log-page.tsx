import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Supervisor: every verification, searchable (lazy route) — placeholder until the real screen lands (replace this file's body). */
export function VerificationLogPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.verificationLog')} />;
}
