import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../components/not-built-yet';

/** Agent: take a call and verify the caller — placeholder until the real screen lands (replace this file's body). */
export function NewCallPage() {
  const { t } = useTranslation();
  return <NotBuiltYet title={t('nav.newCall')} />;
}
