// The log's filters drive listVerifications (server-side filtering): what is typed is what is sent,
// nothing is sent for an incomplete CPR number or a backwards range, and Clear sends no filter.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { isFullCpr } from '../../../../../renderer/src/components/cpr-lookup-field';
import { toFilter, filterProblems, emptyFilterValues } from '../../../../../renderer/src/features/verification-log/filter-values';

const agents = [
  { id: 'a1', username: 'anna', displayName: 'Anna Agent', role: 'agent' as const },
  { id: 'a2', username: 'bo', displayName: 'Bo Berg', role: 'agent' as const },
];
const row = {
  id: '11111111-1111-4111-8111-111111111111',
  startedAt: '2026-11-25T08:15:00.000Z',
  endedAt: '2026-11-25T08:19:00.000Z',
  agent: { id: 'a1', username: 'anna', displayName: 'Anna Agent' },
  maskedCpr: '010190-XXXX',
  documentType: 'passport' as const,
  questionsAsked: 4,
  scorePercent: 87.5,
  status: 'passed' as const,
  outcome: 'passed' as const,
  codeStatus: 'sent' as const,
  durationSeconds: 240,
  flagged: true,
  velocitySignals: 1,
  callId: null,
  callerNumber: null,
  cosignStatus: 'approved' as const,
  redFlags: ['caller_under_pressure' as const],
};

function setup() {
  const api = fakeApi({
    getSession: async () => sessionFor('supervisor'),
    listAgents: async () => ({ items: agents }),
    listVerifications: async () => ({ items: [row], total: 1, totalIsLowerBound: false }),
    createVerificationExport: async () => ({ ticket: 't'.repeat(32), downloadPath: '/api/exports/verifications.csv?ticket=x', expiresAt: '2026-11-25T09:01:00.000Z' }),
  });
  const view = renderConsole({ api, path: '/supervisor/log' });
  return { ...view, api, user: userEvent.setup() };
}

const lastFilter = (api: ReturnType<typeof setup>['api']) => api.listVerifications.mock.calls.at(-1)?.[0].filter;

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: option }));
}

describe('verification log filters', () => {
  it('loads the first page, newest first, without filters', { timeout: 90_000 }, async () => {
    const { api } = setup();
    // The first test pays for loading the lazy chunk (DataGrid, date pickers) into the test runner.
    expect(await screen.findByRole('heading', { level: 1, name: 'Verifikationslog' }, { timeout: 80_000 })).toBeTruthy();
    await waitFor(() => expect(api.listVerifications).toHaveBeenCalled());
    expect(api.listVerifications.mock.calls[0]?.[0]).toEqual({ filter: {}, sort: { field: 'startedAt', direction: 'desc' }, page: 0, pageSize: 25 });
  });

  it('sends agent, outcome and flag only when Search is pressed', async () => {
    const { api, user } = setup();
    await waitFor(() => expect(api.listAgents).toHaveBeenCalled());
    await screen.findByRole('search', { name: 'Filtrér verifikationer' });
    await choose(user, 'Medarbejder', 'Bo Berg');
    await choose(user, 'Udfald', 'Ikke bestået');
    await choose(user, 'Markeret', 'Markeret');
    const calls = api.listVerifications.mock.calls.length;
    expect(api.listVerifications).toHaveBeenCalledTimes(calls);
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ agentId: 'a2', status: 'failed', flagged: true }));
    expect(api.listVerifications.mock.calls.at(-1)?.[0].page).toBe(0);
  });

  it('filters by co-sign state and red flag, and Clear empties them too', async () => {
    const { api, user } = setup();
    await screen.findByRole('search', {}, { timeout: 10_000 });
    await choose(user, 'Godkendelse', 'Ikke besvaret i tide');
    await choose(user, 'Rødt flag', 'Med rødt flag');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ cosign: 'expired', redFlagged: true }));
    await choose(user, 'Godkendelse', 'Krævede godkendelse');
    await choose(user, 'Rødt flag', 'Uden rødt flag');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ cosign: 'requested', redFlagged: false }));
    await user.click(screen.getByRole('button', { name: 'Ryd' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({}));
    expect(screen.getByRole('combobox', { name: 'Godkendelse' }).textContent).toBe('Alle');
    expect(screen.getByRole('combobox', { name: 'Rødt flag' }).textContent).toBe('Alle');
  });

  it('refuses an incomplete CPR number and sends a whole one', async () => {
    const { api, user } = setup();
    const cpr = await screen.findByLabelText('CPR-nummer', {}, { timeout: 10_000 });
    await waitFor(() => expect(api.listVerifications).toHaveBeenCalledTimes(1));
    await user.type(cpr, '010190-12');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    expect(await screen.findByText('Skriv alle 10 cifre.')).toBeTruthy();
    expect(api.listVerifications).toHaveBeenCalledTimes(1);
    await user.type(cpr, '34');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ cpr: '010190-1234' }));
  });

  it('clears every filter with Clear', async () => {
    const { api, user } = setup();
    await screen.findByRole('search', {}, { timeout: 10_000 });
    await choose(user, 'Udfald', 'Henvist');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ status: 'refer' }));
    await user.click(screen.getByRole('button', { name: 'Ryd' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({}));
    expect(screen.getByRole('combobox', { name: 'Udfald' }).textContent).toBe('Alle');
  });

  it('exports with the filters in force', async () => {
    const { api, user } = setup();
    await screen.findByRole('search', {}, { timeout: 10_000 });
    await choose(user, 'Udfald', 'Bestået');
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(lastFilter(api)).toEqual({ status: 'passed' }));
    await user.click(screen.getByRole('button', { name: 'Eksportér CSV' }));
    await user.click(await screen.findByRole('menuitem', { name: /Dansk Excel/ }));
    await waitFor(() =>
      expect(api.createVerificationExport).toHaveBeenCalledWith({
        filter: { status: 'passed' },
        sort: { field: 'startedAt', direction: 'desc' },
        format: { style: 'danish', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      }),
    );
    expect(await screen.findByText('Eksporten er startet. Filen hentes nu.')).toBeTruthy();
    // The banner was about that export: the next search clears it.
    await user.click(screen.getByRole('button', { name: 'Søg' }));
    await waitFor(() => expect(screen.queryByText('Eksporten er startet. Filen hentes nu.')).toBeNull());
  });

  it('shows the filters in English', async () => {
    const api = fakeApi({ getSession: async () => sessionFor('supervisor'), listAgents: async () => ({ items: [] }), listVerifications: async () => ({ items: [], total: 0, totalIsLowerBound: false }) });
    renderConsole({ api, path: '/supervisor/log', language: 'en' });
    expect(await screen.findByRole('button', { name: 'Search' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByLabelText('CPR number')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Red flag' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('combobox', { name: 'Co-sign' }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['All', 'Needed co-sign', 'Waiting', 'Approved', 'Denied', 'Not answered in time']);
  });
});

describe('filter values', () => {
  it('accepts a CPR number with or without the hyphen, never a short one', () => {
    expect(isFullCpr('0101901234')).toBe(true);
    expect(isFullCpr('010190-1234')).toBe(true);
    expect(isFullCpr('010190-123')).toBe(false);
  });

  it('turns local times into ISO instants and flags a backwards range', () => {
    const v = { ...emptyFilterValues, from: '2026-11-25T10:00', to: '2026-11-25T09:00' };
    expect(toFilter(v).from).toBe(new Date('2026-11-25T10:00').toISOString());
    expect(filterProblems(v)).toEqual({ to: 'rangeInvalid' });
    expect(filterProblems({ ...v, to: '2026-11-25T11:00' })).toEqual({});
  });

  it('turns the co-sign and red-flag choices into the contract filter', () => {
    expect(toFilter({ ...emptyFilterValues, cosign: 'pending', redFlagged: 'no' })).toEqual({ cosign: 'pending', redFlagged: false });
    expect(toFilter(emptyFilterValues)).toEqual({});
  });

  it('flags a half-typed date instead of searching without it', () => {
    expect(filterProblems({ ...emptyFilterValues, from: 'invalid' })).toEqual({ from: 'dateInvalid' });
    expect(filterProblems({ ...emptyFilterValues, from: '2026-11-25T10:00', to: 'invalid' })).toEqual({ to: 'dateInvalid' });
  });
});
