import FlagIcon from '@mui/icons-material/Flag';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import IconButton from '@mui/material/IconButton';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { GridColDef } from '@mui/x-data-grid';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { VerificationLogRow, VerificationSortField } from '../../../../shared/api/index';
import { formatDateTime, formatDuration, formatPercent } from '../../components/review-format';

/** Grid columns that the server can sort by, and the contract's name for each. */
export const sortFields: Partial<Record<string, VerificationSortField>> = {
  startedAt: 'startedAt',
  agent: 'agent',
  status: 'status',
  questionsAsked: 'questions',
  scorePercent: 'score',
  durationSeconds: 'duration',
};

const codeColour = { none: 'default', sent: 'primary', delivery_failed: 'warning', redeemed: 'success', expired: 'default', superseded: 'default', revoked: 'warning', blocked: 'error' } as const;
const statusColour = { in_progress: 'primary', passed: 'success', failed: 'error', refer: 'warning', aborted: 'default', expired: 'default' } as const;

export function logColumns(t: TFunction, language: string): GridColDef<VerificationLogRow>[] {
  const sortable = (field: string) => field in sortFields;
  const col = (c: GridColDef<VerificationLogRow>): GridColDef<VerificationLogRow> => ({ sortable: sortable(c.field), filterable: false, ...c });
  return [
    // A real link per row: keyboard and screen-reader users open a verification without the mouse.
    col({
      field: 'open',
      headerName: t('log.columns.open'),
      width: 56,
      renderCell: ({ row }) => (
        <IconButton component={Link} to={`/supervisor/verifications/${row.id}`} size="small" aria-label={t('log.openRow', { time: formatDateTime(row.startedAt, language) })} onClick={(e) => e.stopPropagation()}>
          <OpenInNewIcon fontSize="small" />
        </IconButton>
      ),
    }),
    col({ field: 'startedAt', headerName: t('log.columns.startedAt'), width: 138, valueFormatter: (v: string) => formatDateTime(v, language) }),
    col({ field: 'agent', headerName: t('log.columns.agent'), flex: 1, minWidth: 120, valueGetter: (_v, row) => row.agent.displayName }),
    col({ field: 'maskedCpr', headerName: t('log.columns.maskedCpr'), width: 112, valueFormatter: (v: string | null) => v ?? '—' }),
    col({ field: 'documentType', headerName: t('log.columns.documentType'), width: 100, valueFormatter: (v: VerificationLogRow['documentType']) => t(`review.documentType.${v}`) }),
    col({ field: 'questionsAsked', headerName: t('log.columns.questions'), type: 'number', width: 100 }),
    col({ field: 'scorePercent', headerName: t('log.columns.score'), type: 'number', width: 80, valueFormatter: (v: number | null) => formatPercent(v, language) }),
    col({
      field: 'status',
      headerName: t('log.columns.status'),
      width: 118,
      renderCell: ({ row }) => <Chip size="small" variant="outlined" color={statusColour[row.status]} label={t(`review.status.${row.status}`)} />,
    }),
    col({
      field: 'codeStatus',
      headerName: t('log.columns.codeStatus'),
      width: 112,
      renderCell: ({ row }) => (row.codeStatus === 'none' ? '—' : <Chip size="small" variant="outlined" color={codeColour[row.codeStatus]} label={t(`review.codeStatus.${row.codeStatus}`)} />),
    }),
    col({ field: 'durationSeconds', headerName: t('log.columns.duration'), type: 'number', width: 84, valueFormatter: (v: number | null) => formatDuration(v) }),
    col({
      field: 'flags',
      headerName: t('log.columns.flags'),
      width: 116,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          {row.flagged ? <FlagIcon color="error" fontSize="small" titleAccess={t('log.flagged')} /> : null}
          {row.velocitySignals > 0 ? <Chip size="small" color="warning" label={t('log.signals', { count: row.velocitySignals })} /> : null}
        </Stack>
      ),
    }),
  ];
}
