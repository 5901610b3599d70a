// The phone system's call in the agent's console: a call link opens a new call that carries its call ID
// into startVerification; the outcome shows the routing (da + en) and the wrap-up code, copied with one key.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerificationView } from '../../../../../shared/api/index';
import { callLinkStore } from '../../../../../renderer/src/app/call-links';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { routesFor } from '../../../../../renderer/src/features/new-call/routing';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { ended, inProgress, question, verificationId } from './fixtures';

afterEach(() => {
  callStore.claim('nobody');
  callLinkStore.take();
});

async function onOutcome(view: VerificationView, language: 'da' | 'en' = 'da') {
  const api = fakeApi();
  api.getSession.mockResolvedValue(sessionFor('agent'));
  api.getVerification.mockResolvedValue(view);
  const rendered = renderConsole({ api, path: `/call/new?id=${verificationId}`, language });
  await screen.findByRole('heading', { level: 2 }, { timeout: 5000 });
  return { ...rendered, api };
}

describe('screen pop', () => {
  it('a call link opens a new call with the call ID, and the start sends it with the number', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.getSession.mockResolvedValue(sessionFor('agent'));
    api.listMyVerifications.mockResolvedValue({ items: [] });
    api.startVerification.mockResolvedValue(inProgress(question(1), { phoneCall: { callId: 'pbx-4711.2', callerNumber: 'foreign' } }));
    renderConsole({ api, path: '/calls' });
    await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    act(() => callLinkStore.put({ callId: 'pbx-4711.2', from: '+46701234567' }));
    const notice = await screen.findByTestId('phone-call', {}, { timeout: 5000 });
    expect(notice.textContent).toContain('opkalds-ID pbx-4711.2');
    expect(notice.textContent).toContain('Udenlandsk nummer.');
    expect(notice.textContent).toContain('aldrig et bevis');
    expect(notice.textContent).not.toContain('701234567');
    expect(callLinkStore.get()).toBeNull();

    await user.type(screen.getByRole('textbox', { name: /CPR-nummer/ }), '120368-1234');
    await user.click(screen.getByRole('radio', { name: 'Pas' }));
    await user.type(screen.getByRole('textbox', { name: /Nummer på legitimationen/ }), '204518637{Enter}');
    await waitFor(() => expect(api.startVerification).toHaveBeenCalledTimes(1));
    expect(api.startVerification.mock.calls[0]![0]).toMatchObject({ phoneCall: { callId: 'pbx-4711.2', from: '+46701234567' } });
  });

  it('a link older than ten minutes opens nothing', () => {
    callLinkStore.put({ callId: 'old', from: null }, Date.now() - 11 * 60_000);
    expect(callLinkStore.take()).toBeNull();
  });
});

describe('outcome: routing and wrap-up code', () => {
  it('offers the three routes after an expiry, with Borgerservice saying what to bring', async () => {
    await onOutcome(ended('expired', 'expired'));
    const routing = screen.getByRole('region', { name: 'Andre veje for personen' });
    expect(within(routing).getByText(/brugeradministrator/, { selector: 'p:not([lang])' })).toBeTruthy();
    expect(routing.textContent).toMatch(/MitID\.dk.*24 timer/);
    expect(routing.textContent).toContain('Tag gyldig billedlegitimation med, fx dit pas eller kørekort, og dit sundhedskort.');
  });

  it('reads the routing in the call language, the agent’s text in the console language', async () => {
    await onOutcome(ended('expired', 'expired', { callLanguage: 'en' }), 'en');
    const routing = screen.getByRole('region', { name: 'Other ways for the caller' });
    expect(routing.textContent).toContain('your health insurance card');
    expect(routing.textContent).toContain('organisation’s user administrator');
  });

  it('routes nowhere when the caller may not be who they claim, and only business callers after a pass', () => {
    const code = { status: 'sent', maskedMobile: null, expiresAt: null, maxAttempts: 3 } as const;
    expect(routesFor(ended('refer', 'deceased'))).toEqual([]);
    expect(routesFor(ended('aborted', 'suspected_fraud'))).toEqual([]);
    expect(routesFor({ ...ended('passed', 'passed'), code })).toEqual(['erhverv']);
    // The outcome's own line already names Borgerservice and what to bring: no second line.
    expect(routesFor(ended('refer', 'no_mitid'))).toEqual(['erhverv']);
    expect(routesFor(ended('refer', 'insufficient_register_data'))).toEqual(['erhverv', 'selfService']);
    expect(routesFor(ended('refer', 'mobile_recently_changed'))).toEqual(['erhverv', 'selfService', 'borgerservice']);
  });

  it('shows the default wrap-up code for the outcome and copies it with Alt+W', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await onOutcome(ended('refer', 'locked_out'));
    expect(screen.getByTestId('wrap-up-code').textContent).toBe('203');
    await user.keyboard('{Alt>}w{/Alt}');
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('203'));
    expect(await screen.findByText('Afslutningskoden 203 er kopieret.')).toBeTruthy();
  });

  it('uses the centre’s own code from the managed configuration, through the shell’s clipboard', async () => {
    const copyText = vi.fn(async () => true);
    window.consoleBridge = {
      invoke: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'not in this test' } }),
      onLockRequested: () => () => {},
      saveDownload: async () => ({ ok: true, saved: false }),
      saveText: async () => ({ ok: true, saved: false }),
      cancelDownload: async () => {},
      onDownloadProgress: () => () => {},
      onCallLink: () => () => {},
      takeCallLink: async () => null,
      copyText,
      settings: {
        get: async () => ({ ok: true, value: { language: 'da', theme: 'light', locked: ['wrapUpCodes'], training: false, wrapUpCodes: { too_few_correct: 'PW-FAIL' } } }),
        update: async () => ({ ok: false, error: { message: 'no' } }),
      },
    };
    try {
      await onOutcome(ended('failed', 'too_few_correct'));
      await waitFor(() => expect(screen.getByTestId('wrap-up-code').textContent).toBe('PW-FAIL'));
      await userEvent.setup().keyboard('{F9}');
      await waitFor(() => expect(copyText).toHaveBeenCalledWith('PW-FAIL'));
    } finally {
      delete window.consoleBridge;
    }
  });

  it('shows no wrap-up code while the code is still to be sent', async () => {
    await onOutcome(ended('passed', 'passed'));
    expect(screen.queryByTestId('wrap-up-code')).toBeNull();
  });
});
