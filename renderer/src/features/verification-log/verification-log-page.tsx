import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import { daDK, enUS } from '@mui/x-data-grid/locales';
import { useMemo, useState } from 'react';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useNavigate } from 'react-router';
import type { ApiError, ExportFormat, VerificationSort } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { toApiError, useApiQuery } from '../../app/use-api-query';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { cancelDownload, downloadFromApi, downloadsAreCancellable, type SaveOutcome } from '../../components/download';
import { formatBytes } from '../../components/format-bytes';
import { Page } from '../../components/page';
import { emptyFilterValues, toFilter, type FilterValues } from './filter-values';
import { LogFilters } from './log-filters';
import { logColumns, sortFields } from './log-columns';

const pageSizes = [25, 50, 100];

/** 2026-12-01-05-05 in the console's local time (the suggested file name; the server's matches). */
function localStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}-${pad(d.getMinutes())}`;
}

/** Supervisor: every verification, filtered, sorted and paged by the Support API. */
export function VerificationLogPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const navigate = useNavigate();
  const [filterValues, setFilterValues] = useState<FilterValues>(emptyFilterValues);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [sortModel, setSortModel] = useState<GridSortModel>([{ field: 'startedAt', sort: 'desc' }]);
  const [exportState, setExportState] = useState<
    { status: 'idle' } | { status: 'working'; received: number } | { status: 'done'; outcome: SaveOutcome } | { status: 'error'; error: ApiError }
  >({ status: 'idle' });

  const filter = useMemo(() => toFilter(filterValues), [filterValues]);
  const sort: VerificationSort = useMemo(() => {
    const first = sortModel[0];
    const field = first ? sortFields[first.field] : undefined;
    return field && first?.sort ? { field, direction: first.sort } : { field: 'startedAt', direction: 'desc' };
  }, [sortModel]);

  const agents = useApiQuery('agents', (a) => a.listAgents({}));
  // The key names everything the page depends on; it lives in memory only (it may hold a CPR number).
  const key = JSON.stringify({ filter, sort, pagination });
  const rows = useApiQuery(key, (a) => a.listVerifications({ filter, sort, page: pagination.page, pageSize: pagination.pageSize }));
  const [rowCount, setRowCount] = useState(0);
  if (rows.status === 'success' && rows.data.total !== rowCount && !rows.data.totalIsLowerBound) setRowCount(rows.data.total);
  if (rows.status === 'success' && rows.data.totalIsLowerBound && rowCount !== -1) setRowCount(-1);

  const columns = useMemo(() => logColumns(t, i18n.language), [t, i18n.language]);
  const localeText = useMemo(
    () => ({
      ...(i18n.language === 'en' ? enUS : daDK).components.MuiDataGrid.defaultProps.localeText,
      // The grid's Danish pack leaves "1–25 of 300" in English.
      paginationDisplayedRows: ({ from, to, count }: { from: number; to: number; count: number }) =>
        count === -1 ? t('log.displayedRowsMore', { from, to }) : t('log.displayedRows', { from, to, count }),
    }),
    [i18n.language, t],
  );

  const applyFilters = (values: FilterValues) => {
    setFilterValues(values);
    setPagination((p) => ({ ...p, page: 0 }));
    // The banner was about the last export, not this search.
    setExportState({ status: 'idle' });
  };

  const [exportMenu, setExportMenu] = useState<HTMLElement | null>(null);
  const exportCsv = async (style: ExportFormat['style']) => {
    setExportMenu(null);
    setExportState({ status: 'working', received: 0 });
    try {
      // Times in the file as on the screen: the console's time zone, with its offset.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const { downloadPath } = await api.createVerificationExport({ filter, sort, format: { style, timeZone } });
      const outcome = await downloadFromApi(downloadPath, `verifications-${localStamp(new Date())}.csv`, ({ received }) =>
        setExportState({ status: 'working', received }),
      );
      // Nothing says "saved" unless the shell wrote the file; a cancel leaves no message.
      setExportState(outcome.kind === 'cancelled' ? { status: 'idle' } : { status: 'done', outcome });
    } catch (error) {
      setExportState({ status: 'error', error: toApiError(error) });
    }
  };

  return (
    <Page
      title={t('nav.verificationLog')}
      actions={
        <Stack direction="row" spacing={1}>
          {exportState.status === 'working' && downloadsAreCancellable() ? (
            <Button variant="text" onClick={cancelDownload}>
              {t('log.exportCancel')}
            </Button>
          ) : null}
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            aria-haspopup="menu"
            aria-expanded={exportMenu ? 'true' : undefined}
            onClick={(e) => setExportMenu(e.currentTarget)}
            disabled={exportState.status === 'working'}
          >
            {exportState.status === 'working'
              ? exportState.received > 0
                ? t('log.exportingBytes', { size: formatBytes(exportState.received, i18n.language) })
                : t('log.exporting')
              : t('log.export')}
          </Button>
          <Menu anchorEl={exportMenu} open={Boolean(exportMenu)} onClose={() => setExportMenu(null)}>
            {(i18n.language === 'en' ? (['international', 'danish'] as const) : (['danish', 'international'] as const)).map((style) => (
              <MenuItem key={style} onClick={() => void exportCsv(style)}>
                {t(`log.exportStyle.${style}`)}
              </MenuItem>
            ))}
          </Menu>
        </Stack>
      }
    >
      <LogFilters agents={agents.status === 'success' ? agents.data.items : []} onApply={applyFilters} />
      {exportState.status === 'done' ? (
        <Alert severity="success" role="status" onClose={() => setExportState({ status: 'idle' })}>
          {exportState.outcome.kind === 'written' ? t('log.exportSaved', { size: formatBytes(exportState.outcome.bytes, i18n.language) }) : t('log.exportStarted')}
        </Alert>
      ) : null}
      {exportState.status === 'error' ? <ApiErrorAlert error={exportState.error} /> : null}
      {rows.status === 'error' ? <ApiErrorAlert error={rows.error} onRetry={rows.reload} /> : null}
      {rows.status === 'success' && rows.data.totalIsLowerBound ? (
        <Typography variant="body2" color="text.secondary">
          {t('log.totalLowerBound', { count: rows.data.total })}
        </Typography>
      ) : null}
      <DataGrid
        aria-label={t('nav.verificationLog')}
        rows={rows.data?.items ?? []}
        columns={columns}
        loading={rows.status === 'loading'}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        rowCount={rowCount}
        paginationMeta={rows.status === 'success' && rows.data.totalIsLowerBound ? { hasNextPage: rows.data.items.length === pagination.pageSize } : undefined}
        paginationModel={pagination}
        onPaginationModelChange={setPagination}
        pageSizeOptions={pageSizes}
        sortModel={sortModel}
        onSortModelChange={(model) => {
          setSortModel(model);
          setExportState({ status: 'idle' });
          setPagination((p) => ({ ...p, page: 0 }));
        }}
        sortingOrder={['desc', 'asc']}
        disableColumnFilter
        disableRowSelectionOnClick
        onRowClick={({ id }) => void navigate(`/supervisor/verifications/${String(id)}`)}
        localeText={localeText}
        density="compact"
        sx={{ minHeight: 420, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
      />
    </Page>
  );
}
