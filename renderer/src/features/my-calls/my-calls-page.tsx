import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Agent: the calls I handled — placeholder until the real screen lands (replace this file's body). */
export function MyCallsPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.myCalls')} />;
}
