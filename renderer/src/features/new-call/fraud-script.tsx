import GppMaybeOutlined from '@mui/icons-material/GppMaybeOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { VerificationView } from '../../../../shared/api/index';
import { ScriptLine } from './script-line';

/** Whether the outcome screen offers the suspected-fraud script: a red flag, or a call aborted on suspicion. */
export function offersFraudScript(view: Pick<VerificationView, 'redFlags' | 'outcome'>): boolean {
  return view.redFlags.length > 0 || view.outcome?.reason === 'suspected_fraud';
}

/** The suspected-fraud script, in the call language: MitID never calls anyone; what the person should do. */
export function FraudScript({ view }: { view: VerificationView }) {
  const { t, i18n } = useTranslation();
  if (!offersFraudScript(view)) return null;
  const callT = i18n.getFixedT(view.callLanguage);
  return (
    <Stack spacing={1.5} component="section" aria-labelledby="fraud-script-title">
      <Alert severity="warning" icon={<GppMaybeOutlined />}>
        <AlertTitle id="fraud-script-title">{t('fraud.title')}</AlertTitle>
        {t('fraud.agentNote')}
      </Alert>
      <ScriptLine language={view.callLanguage}>{callT('script.suspectedFraud')}</ScriptLine>
    </Stack>
  );
}
