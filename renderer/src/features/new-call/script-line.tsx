import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CallLanguage } from '../../../../shared/api/index';

/**
 * A line the agent reads aloud, in the call language (`lang` set, so a screen reader pronounces it
 * right), visibly set apart from the console's own text.
 */
export function ScriptLine({ id, language, children }: { id?: string; language: CallLanguage; children: string }) {
  const { t } = useTranslation();
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1.5,
        p: 2,
        borderLeft: 4,
        borderColor: 'primary.main',
        bgcolor: 'action.hover',
        borderRadius: 1,
      }}
    >
      <RecordVoiceOverOutlined color="primary" aria-hidden sx={{ mt: 0.5 }} />
      <Box>
        <Typography variant="overline" component="p" color="text.secondary" sx={{ lineHeight: 1.6 }}>
          {t('call.readAloud', { language: t(`call.callLanguages.${language}`) })}
        </Typography>
        <Typography id={id} lang={language} sx={{ fontSize: '1.25rem', lineHeight: 1.5, fontWeight: 500 }}>
          {children}
        </Typography>
      </Box>
    </Box>
  );
}
