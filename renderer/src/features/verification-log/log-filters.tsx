import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { logCosignText } from '../../app/i18n/log-cosign-text';
import type { AgentRef } from '../../../../shared/api/index';
import { DateTimeInput } from '../../components/date-time-inputs';
import { CprLookupField } from '../../components/cpr-lookup-field';
import { Form, useZodForm } from '../../components/form';
import { verificationStatuses } from './labels';
import { emptyFilterValues, filterValuesSchema, logCosignFilters, type FilterProblems, type FilterValues } from './filter-values';

type SelectField = 'agentId' | 'status' | 'flagged' | 'cosign' | 'redFlagged';

/** A menu whose empty choice reads "All" rather than a blank box. */
function FilterSelect({ control, name, label, any, minWidth, children }: { control: Control<FilterValues>; name: SelectField; label: string; any: string; minWidth: number; children: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField select label={label} size="small" {...field} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} sx={{ minWidth }}>
          <MenuItem value="">{any}</MenuItem>
          {children}
        </TextField>
      )}
    />
  );
}

/**
 * The log's filters. Nothing is searched while typing: Search applies them (a CPR number is only
 * ever sent whole), Clear empties them and searches again.
 */
export function LogFilters({ agents, onApply, initial = emptyFilterValues }: { agents: AgentRef[]; onApply: (v: FilterValues) => void; initial?: FilterValues }) {
  const { t } = useSupervisorCatalogue();
  const tc = logCosignText(t);
  const form = useZodForm(filterValuesSchema, { defaultValues: initial });
  const { control } = form;
  const problem = (field: keyof FilterProblems) => form.formState.errors[field]?.message as FilterProblems[typeof field] | undefined;
  const clear = () => {
    form.reset(emptyFilterValues);
    onApply(emptyFilterValues);
  };
  const any = t('log.filters.any');
  const cprProblem = problem('cpr');
  const callIdProblem = problem('callId');
  const toProblem = problem('to');

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Form form={form} onValid={onApply} role="search" aria-label={t('log.filters.label')} direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Controller
          control={control}
          name="from"
          render={({ field }) => (
            <DateTimeInput label={t('log.filters.from')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} name={field.name} error={Boolean(problem('from'))} helperText={problem('from') ? t('log.filters.dateInvalid') : undefined} />
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
              onBlur={field.onBlur}
              name={field.name}
              error={Boolean(toProblem)}
              helperText={toProblem === 'dateInvalid' ? t('log.filters.dateInvalid') : toProblem ? t('log.filters.rangeInvalid') : undefined}
            />
          )}
        />
        <FilterSelect control={control} name="agentId" label={t('log.filters.agent')} any={any} minWidth={180}>
          {agents.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.displayName}
            </MenuItem>
          ))}
        </FilterSelect>
        <FilterSelect control={control} name="status" label={t('log.filters.status')} any={any} minWidth={160}>
          {verificationStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`review.status.${s}`)}
            </MenuItem>
          ))}
        </FilterSelect>
        <FilterSelect control={control} name="flagged" label={t('log.filters.flagged')} any={any} minWidth={140}>
          <MenuItem value="yes">{t('log.filters.flaggedYes')}</MenuItem>
          <MenuItem value="no">{t('log.filters.flaggedNo')}</MenuItem>
        </FilterSelect>
        <FilterSelect control={control} name="cosign" label={tc('cosign')} any={any} minWidth={180}>
          {logCosignFilters.map((s) => (
            <MenuItem key={s} value={s}>
              {tc(`cosignStates.${s}`)}
            </MenuItem>
          ))}
        </FilterSelect>
        <FilterSelect control={control} name="redFlagged" label={tc('redFlag')} any={any} minWidth={160}>
          <MenuItem value="yes">{tc('redFlagYes')}</MenuItem>
          <MenuItem value="no">{tc('redFlagNo')}</MenuItem>
        </FilterSelect>
        <CprLookupField label={t('log.filters.cpr')} {...form.register('cpr')} required={false} invalid={Boolean(cprProblem)} sx={{ width: 200 }} />
        <TextField
          label={t('log.filters.callId')}
          size="small"
          {...form.register('callId')}
          error={Boolean(callIdProblem)}
          helperText={callIdProblem ? t('log.filters.callIdInvalid') : t('log.filters.callIdHelp')}
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
