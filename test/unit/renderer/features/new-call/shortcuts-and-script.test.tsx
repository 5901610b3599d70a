import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { questionKindSchema, type QuestionView } from '../../../../../shared/api/index';
import { agentDa } from '../../../../../renderer/src/app/i18n/agent-da';
import { agentEn } from '../../../../../renderer/src/app/i18n/agent-en';
import { addAgentCatalogue } from '../../../../../renderer/src/app/i18n/agent-catalogue';
import { createConsoleI18n } from '../../../../../renderer/src/app/i18n/i18n';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { questionScript } from '../../../../../renderer/src/features/new-call/question-script';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { inProgress, verificationId } from './fixtures';

afterEach(() => callStore.claim('nobody'));

describe('global shortcuts', () => {
  it('Alt+N opens a new call from anywhere, Alt+M my calls; "?" shows the help overlay (not while typing)', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    api.listMyVerifications.mockResolvedValue({ items: [] });
    const { router } = renderConsole({ api, path: '/calls' });
    await screen.findByText('Du har ingen opkald i dag.', {}, { timeout: 5000 });
    await user.keyboard('{Alt>}n{/Alt}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/call/new'));
    const cpr = await screen.findByLabelText(/CPR-nummer/, { selector: 'input:not([type="radio"])' }, { timeout: 5000 });
    // In a text field "?" is text.
    await user.type(cpr, '?');
    expect(screen.queryByRole('dialog')).toBeNull();
    cpr.blur();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Tastaturgenveje' });
    expect(help.textContent).toContain('Personen ved det ikke');
    expect(help.textContent).toContain('Alt+D');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('{Alt>}m{/Alt}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/calls'));
  });

  it('Alt+N during a call in progress shows that call rather than losing it', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    api.getVerification.mockResolvedValue(inProgress());
    api.listMyVerifications.mockResolvedValue({ items: [] });
    const { router } = renderConsole({ api, path: `/call/new?id=${verificationId}` });
    const input = await screen.findByRole('textbox', {}, { timeout: 5000 });
    await user.type(input, 'Skovvej 8');
    await user.keyboard('{Alt>}m{/Alt}');
    await screen.findByText('Du har ingen opkald i dag.', {}, { timeout: 5000 });
    await user.keyboard('{Alt>}n{/Alt}');
    await waitFor(() => expect(router.state.location.search).toBe(`?id=${verificationId}`));
    expect(((await screen.findByRole('textbox')) as HTMLInputElement).value).toBe('Skovvej 8');
  });
});

describe('question script lines', () => {
  const i18n = createConsoleI18n('da');
  addAgentCatalogue(i18n);
  const params: Record<QuestionView['kind'], QuestionView['params']> = {
    earlier_address: { year: 1998 },
    address_move_in: { street: 'Istedgade' },
    address_move_out: { street: 'Istedgade' },
    current_move_in: {},
    country_in_year: { year: 2002 },
    municipality_in_year: { year: 2005 },
    parent_first_name: { parent: 'mother' },
    spouse_first_name: { when: 'former' },
    marriage_year: { when: 'current' },
    divorce_year: {},
    child_first_name: { birthYear: 1995 },
    child_birth_year: { childFirstName: 'Mads' },
    place_of_birth: {},
    former_surname: {},
  };

  it.each(['da', 'en'] as const)('renders every kind with its params in %s, and without them never shows a placeholder', (lng) => {
    const t = i18n.getFixedT(lng);
    for (const kind of questionKindSchema.options) {
      const line = questionScript(t, { kind, params: params[kind] });
      expect(line, kind).not.toMatch(/\{\{|script\./);
      for (const value of Object.values(params[kind])) {
        if (typeof value === 'number' || /^[A-Z]/.test(value)) expect(line, kind).toContain(String(value));
      }
      expect(questionScript(t, { kind, params: {} }), kind).not.toMatch(/\{\{|script\./);
    }
  });

  it('follows the engine: mother/father, current/former spouse', () => {
    const da = i18n.getFixedT('da');
    const en = i18n.getFixedT('en');
    expect(questionScript(da, { kind: 'parent_first_name', params: { parent: 'father' } })).toBe('Hvad er din fars fornavn?');
    expect(questionScript(en, { kind: 'parent_first_name', params: { parent: 'mother' } })).toBe("What is your mother's first name?");
    expect(questionScript(da, { kind: 'spouse_first_name', params: { when: 'former' } })).toBe('Hvad er fornavnet på din tidligere ægtefælle?');
    expect(questionScript(da, { kind: 'child_birth_year', params: { childFirstName: 'Sofie' } })).toBe('Hvilket år er Sofie født?');
  });
});

/** Every leaf as [dotted.key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, node]];
}

describe('the agent catalogues', () => {
  const da = new Map(leaves(agentDa));
  const en = new Map(leaves(agentEn));
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

  it('have the same keys, non-empty strings and the same placeholders', () => {
    expect([...en.keys()].sort()).toEqual([...da.keys()].sort());
    for (const [key, value] of [...da, ...en]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
    for (const [key, value] of da) expect(placeholders(en.get(key) as string), key).toEqual(placeholders(value as string));
  });

  it('have a reason text for every outcome reason and a label for every code status', async () => {
    const { outcomeReasonSchema, codeStatusSchema } = await import('../../../../../shared/api/index');
    for (const r of outcomeReasonSchema.options) expect(da.has(`outcome.reasons.${r}`), r).toBe(true);
    for (const s of codeStatusSchema.options) expect(da.has(`outcome.codeStatus.${s}`), s).toBe(true);
  });
});
