import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import type { AgentRef } from '../../../../shared/api/index';
import { DateTimeInput } from '../../components/date-time-inputs';
import { verificationStatuses } from './labels';
import { emptyFilterValues, filterProblems, type FilterValues } from './filter-values';

/**
 * The log's filters. Nothing is searched while typing: Search applies them (a CPR number is only
 * ever sent whole), Clear empties them and searches again.
 */
export function LogFilters({ agents, onApply, initial = emptyFilterValues }: { agents: AgentRef[]; onApply: (v: FilterValues) => void; initial?: FilterValues }) {
  const { t } = useSupervisorCatalogue();
  const [values, setValues] = useState<FilterValues>(initial);
  const [submitted, setSubmitted] = useState(false);
  const problems = filterProblems(values);
  const set = (key: keyof FilterValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(problems).length === 0) onApply(values);
  };
  const clear = () => {
    setValues(emptyFilterValues);
    setSubmitted(false);
    onApply(emptyFilterValues);
  };
  const show = submitted ? problems : {};
  // An empty choice reads "All" rather than a blank box.
  const selectProps = { select: { displayEmpty: true }, inputLabel: { shrink: true } };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack component="form" role="search" aria-label={t('log.filters.label')} onSubmit={submit} noValidate direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <DateTimeInput label={t('log.filters.from')} value={values.from} onChange={(from) => setValues((v) => ({ ...v, from }))} error={Boolean(show.from)} helperText={show.from ? t('log.filters.dateInvalid') : undefined} />
        <DateTimeInput
          label={t('log.filters.to')}
          value={values.to}
          onChange={(to) => setValues((v) => ({ ...v, to }))}
          error={Boolean(show.to)}
          helperText={show.to === 'dateInvalid' ? t('log.filters.dateInvalid') : show.to ? t('log.filters.rangeInvalid') : undefined}
        />
        <TextField select label={t('log.filters.agent')} size="small" value={values.agentId} onChange={set('agentId')} slotProps={selectProps} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('log.filters.any')}</MenuItem>
          {agents.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.displayName}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('log.filters.status')} size="small" value={values.status} onChange={set('status')} slotProps={selectProps} sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('log.filters.any')}</MenuItem>
          {verificationStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`review.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('log.filters.flagged')} size="small" value={values.flagged} onChange={set('flagged')} slotProps={selectProps} sx={{ minWidth: 140 }}>
          <MenuItem value="">{t('log.filters.any')}</MenuItem>
          <MenuItem value="yes">{t('log.filters.flaggedYes')}</MenuItem>
          <MenuItem value="no">{t('log.filters.flaggedNo')}</MenuItem>
        </TextField>
        <TextField
          label={t('log.filters.cpr')}
          size="small"
          value={values.cpr}
          onChange={set('cpr')}
          error={Boolean(show.cpr)}
          helperText={show.cpr ? t('log.filters.cprInvalid') : t('log.filters.cprHelp')}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false, maxLength: 13 } }}
          sx={{ width: 200 }}
        />
        <TextField
          label={t('log.filters.callId')}
          size="small"
          value={values.callId}
          onChange={set('callId')}
          error={Boolean(show.callId)}
          helperText={show.callId ? t('log.filters.callIdInvalid') : t('log.filters.callIdHelp')}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false, maxLength: 128 } }}
          sx={{ width: 200 }}
        />
        <Stack direction="row" spacing={1} sx={{ pt: 0.25 }}>
          <Button type="submit" variant="contained">
            {t('log.filters.apply')}
          </Button>
          <Button type="button" onClick={clear}>
            {t('log.filters.clear')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
