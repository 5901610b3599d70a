import FlagIcon from '@mui/icons-material/Flag';
import PhoneDisabledIcon from '@mui/icons-material/PhoneDisabledOutlined';
import PublicIcon from '@mui/icons-material/Public';
import SpeedIcon from '@mui/icons-material/Speed';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MuiLink from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
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

/** Read by screen readers, not shown. */
const visuallyHidden = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

const codeColour = { none: 'default', sent: 'primary', delivery_failed: 'warning', redeemed: 'success', expired: 'default', superseded: 'default', revoked: 'warning', blocked: 'error' } as const;
const statusColour = { in_progress: 'primary', passed: 'success', failed: 'error', refer: 'warning', aborted: 'default', expired: 'default' } as const;

export function logColumns(t: TFunction, language: string): GridColDef<VerificationLogRow>[] {
  const sortable = (field: string) => field in sortFields;
  const col = (c: GridColDef<VerificationLogRow>): GridColDef<VerificationLogRow> => ({ sortable: sortable(c.field), filterable: false, ...c });
  // Every column has the minimum width its longest value needs in either language (so nothing is cut
  // at 1280 px) and grows with the window, so the grid uses the width it is given.
  return [
    // The time is a real link per row: keyboard and screen-reader users open a verification without the mouse.
    col({
      field: 'startedAt',
      headerName: t('log.columns.startedAt'),
      minWidth: 150,
      flex: 1.2,
      renderCell: ({ row }) => {
        const time = formatDateTime(row.startedAt, language);
        const link = (
          <MuiLink component={Link} to={`/supervisor/verifications/${row.id}`} aria-label={t('log.openRow', { time })} onClick={(e) => e.stopPropagation()} sx={{ whiteSpace: 'nowrap' }}>
            {time}
          </MuiLink>
        );
        if (!row.callId) return link;
        // The phone system's call ID under the time, not a column of its own: at 1280 px every column
        // already has the width its longest value needs. A long ID ends in an ellipsis here; the detail,
        // the search and the CSV have it whole.
        return (
          <Stack sx={{ justifyContent: 'center', height: '100%', minWidth: 0, lineHeight: 1.3 }}>
            {link}
            <Box component="span" title={row.callId} data-testid="log-call-id" sx={{ typography: 'caption', color: 'text.secondary', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              <Box component="span" sx={visuallyHidden}>{`${t('log.columns.callId')}: `}</Box>
              {row.callId}
            </Box>
          </Stack>
        );
      },
    }),
    col({ field: 'agent', headerName: t('log.columns.agent'), flex: 1.5, minWidth: 165, valueGetter: (_v, row) => row.agent.displayName }),
    col({ field: 'maskedCpr', headerName: t('log.columns.maskedCpr'), flex: 1, minWidth: 115, valueFormatter: (v: string | null) => v ?? '—' }),
    col({ field: 'documentType', headerName: t('log.columns.documentType'), flex: 1, minWidth: 120, valueFormatter: (v: VerificationLogRow['documentType']) => t(`review.documentType.${v}`) }),
    col({ field: 'questionsAsked', headerName: t('log.columns.questions'), type: 'number', flex: 0.8, minWidth: 105 }),
    col({ field: 'scorePercent', headerName: t('log.columns.score'), type: 'number', flex: 0.7, minWidth: 85, valueFormatter: (v: number | null) => formatPercent(v, language) }),
    col({
      field: 'status',
      headerName: t('log.columns.status'),
      flex: 1,
      minWidth: 125,
      renderCell: ({ row }) => <Chip size="small" variant="outlined" color={statusColour[row.status]} label={t(`review.status.${row.status}`)} />,
    }),
    col({
      field: 'codeStatus',
      headerName: t('log.columns.codeStatus'),
      flex: 1,
      minWidth: 125,
      renderCell: ({ row }) => (row.codeStatus === 'none' ? '—' : <Chip size="small" variant="outlined" color={codeColour[row.codeStatus]} label={t(`review.codeStatus.${row.codeStatus}`)} />),
    }),
    col({ field: 'durationSeconds', headerName: t('log.columns.duration'), type: 'number', flex: 0.7, minWidth: 90, valueFormatter: (v: number | null) => formatDuration(v) }),
    col({
      field: 'flags',
      headerName: t('log.columns.flags'),
      flex: 0.8,
      minWidth: 100,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
          {row.flagged ? <FlagIcon color="error" fontSize="small" titleAccess={t('log.flagged')} /> : null}
          {row.callerNumber === 'withheld' ? <PhoneDisabledIcon color="action" fontSize="small" titleAccess={t('review.callerNumber.withheld')} /> : null}
          {row.callerNumber === 'foreign' || row.callerNumber === 'registered_mobile_abroad' ? (
            <PublicIcon color="action" fontSize="small" titleAccess={t(`review.callerNumber.${row.callerNumber}`)} />
          ) : null}
          {row.velocitySignals > 0 ? (
            // The count on the chip, the words for screen readers and as a tooltip: a word on the chip cut the column.
            <Tooltip title={t('log.signals', { count: row.velocitySignals })}>
              <Chip
                size="small"
                color="warning"
                icon={<SpeedIcon />}
                label={
                  <>
                    <span aria-hidden>{row.velocitySignals}</span>
                    <Box component="span" sx={visuallyHidden}>
                      {t('log.signals', { count: row.velocitySignals })}
                    </Box>
                  </>
                }
              />
            </Tooltip>
          ) : null}
        </Stack>
      ),
    }),
  ];
}
