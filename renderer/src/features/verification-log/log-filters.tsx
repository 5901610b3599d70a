import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import type { AgentRef } from '../../../../shared/api/index';
import { DateTimeInput } from '../../components/date-time-inputs';
import { CprLookupField } from '../../components/cpr-lookup-field';
import { Form, useZodForm } from '../../components/form';
import { verificationStatuses } from './labels';
import { emptyFilterValues, filterProblems, type FilterValues } from './filter-values';

/**
 * The log's filters. Nothing is searched while typing: Search applies them (a CPR number is only
 * ever sent whole), Clear empties them and searches again.
 */
// The values as inputs hold them; filterProblems is the one rule, its problems the fields' messages.
const filterSchema = z
  .object({ from: z.string(), to: z.string(), agentId: z.string(), status: z.custom<FilterValues['status']>(), flagged: z.custom<FilterValues['flagged']>(), cpr: z.string(), callId: z.string() })
  .superRefine((values, ctx) => {
    for (const [path, problem] of Object.entries(filterProblems(values))) ctx.addIssue({ code: 'custom', path: [path], message: problem });
  });

export function LogFilters({ agents, onApply, initial = emptyFilterValues }: { agents: AgentRef[]; onApply: (v: FilterValues) => void; initial?: FilterValues }) {
  const { t } = useSupervisorCatalogue();
  // Checked once Search is pressed, then again as the agent corrects them.
  const form = useZodForm(filterSchema, { defaultValues: initial });
  const { control, register } = form;
  const show = Object.fromEntries(Object.entries(form.formState.errors).map(([key, error]) => [key, error?.message])) as Record<keyof FilterValues, string | undefined>;
  const clear = () => {
    form.reset(emptyFilterValues);
    onApply(emptyFilterValues);
  };
  // An empty choice reads "All" rather than a blank box.
  const selectProps = { select: { displayEmpty: true }, inputLabel: { shrink: true } };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Form form={form} onValid={onApply} role="search" aria-label={t('log.filters.label')} direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Controller
          control={control}
          name="from"
          render={({ field }) => (
            <DateTimeInput label={t('log.filters.from')} value={field.value} onChange={field.onChange} error={Boolean(show.from)} helperText={show.from ? t('log.filters.dateInvalid') : undefined} />
          )}
        />
        <Controller
          control={control}
          name="to"
          render={({ field }) => (
            <DateTimeInput
              label={t('log.filters.to')}
              value={field.value}
              onChange={field.onChange}
              error={Boolean(show.to)}
              helperText={show.to === 'dateInvalid' ? t('log.filters.dateInvalid') : show.to ? t('log.filters.rangeInvalid') : undefined}
            />
          )}
        />
        <Controller
          control={control}
          name="agentId"
          render={({ field }) => (
            <TextField select label={t('log.filters.agent')} size="small" value={field.value} onChange={field.onChange} slotProps={selectProps} sx={{ minWidth: 180 }}>
              <MenuItem value="">{t('log.filters.any')}</MenuItem>
              {agents.map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  {a.displayName}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <TextField select label={t('log.filters.status')} size="small" value={field.value} onChange={field.onChange} slotProps={selectProps} sx={{ minWidth: 160 }}>
              <MenuItem value="">{t('log.filters.any')}</MenuItem>
              {verificationStatuses.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`review.status.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <Controller
          control={control}
          name="flagged"
          render={({ field }) => (
            <TextField select label={t('log.filters.flagged')} size="small" value={field.value} onChange={field.onChange} slotProps={selectProps} sx={{ minWidth: 140 }}>
              <MenuItem value="">{t('log.filters.any')}</MenuItem>
              <MenuItem value="yes">{t('log.filters.flaggedYes')}</MenuItem>
              <MenuItem value="no">{t('log.filters.flaggedNo')}</MenuItem>
            </TextField>
          )}
        />
        <CprLookupField label={t('log.filters.cpr')} {...register('cpr')} required={false} invalid={Boolean(show.cpr)} sx={{ width: 200 }} />
        <TextField
          label={t('log.filters.callId')}
          size="small"
          {...register('callId')}
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
      </Form>
    </Paper>
  );
}
