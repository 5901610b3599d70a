import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Supervisor: live watch of attempts across agents (lazy route) — placeholder until the real screen lands (replace this file's body). */
export function WatchPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.watch')} />;
}
