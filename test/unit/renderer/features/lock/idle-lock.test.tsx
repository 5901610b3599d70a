import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorCodes, type SessionInfo } from '../../../../../shared/api/index';
import type { ConsoleBridge } from '../../../../../shared/api-client/ipc-client';
import { lockAfterMs } from '../../../../../renderer/src/features/lock/idle-lock';
import { callStore } from '../../../../../renderer/src/features/new-call/call-store';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';
import { inProgress, verificationId } from '../new-call/fixtures';

afterEach(() => {
  vi.useRealTimers();
  callStore.claim('nobody');
  window.sessionStorage.clear();
  delete window.consoleBridge;
});

function session(idleTimeoutSeconds: number): SessionInfo {
  return { ...sessionFor('agent'), idleTimeoutSeconds };
}

async function onCall(idleTimeoutSeconds = 300, info: SessionInfo = session(idleTimeoutSeconds)) {
  const api = fakeApi();
  api.getSession.mockResolvedValue(info);
  api.getVerification.mockResolvedValue(inProgress());
  const view = renderConsole({ api, path: `/call/new?id=${verificationId}` });
  const input = (await screen.findByRole('textbox', {}, { timeout: 5000 })) as HTMLInputElement;
  return { ...view, api, input };
}

describe('the idle lock', () => {
  it('locks a little before the idle time the API reports', () => {
    expect(lockAfterMs(300)).toBe(285_000);
    expect(lockAfterMs(1800)).toBe(1_770_000);
    expect(lockAfterMs(60)).toBe(57_000);
  });

  it('locks after the idle time, hides the call, and unlocks with the password; the typed answer survives', async () => {
    const { api, input } = await onCall(60);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(input, 'Nørregade 12');
    // Activity keeps it open…
    act(() => vi.advanceTimersByTime(40_000));
    await user.keyboard('{End}');
    act(() => vi.advanceTimersByTime(40_000));
    expect(screen.queryByRole('dialog', { name: 'Konsollen er låst' })).toBeNull();
    // …silence locks it.
    act(() => vi.advanceTimersByTime(20_000));
    // The lock screen is a lazily loaded chunk: on a busy machine its first import takes more than the
    // default second of findBy.
    const lock = await screen.findByRole('dialog', { name: 'Konsollen er låst' }, { timeout: 10_000 });
    expect(lock.textContent).toContain('efter en periode uden aktivitet');
    // The call is still mounted, but hidden from assistive technology and the keyboard.
    expect(input.isConnected).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Adresse, som personen siger den' })).toBeNull();
    const password = screen.getByLabelText(/Adgangskode/);
    await waitFor(() => expect(document.activeElement).toBe(password));
    // Shortcuts of the screen behind do nothing while locked.
    await user.keyboard('{Alt>}d{/Alt}');
    expect(api.answerQuestion).not.toHaveBeenCalled();

    // An empty password is not sent.
    await user.type(password, '{Enter}');
    expect(await screen.findByText('Skriv din adgangskode.')).toBeTruthy();
    expect(api.unlockSession).not.toHaveBeenCalled();

    api.unlockSession.mockRejectedValueOnce(new ApiError(401, errorCodes.invalidCredentials, 'Wrong.'));
    api.unlockSession.mockResolvedValueOnce(session(60));
    await user.type(password, 'wrong{Enter}');
    expect(await screen.findByText('Forkert adgangskode.')).toBeTruthy();
    // The wrong password is cleared for the next try.
    expect((screen.getByLabelText(/Adgangskode/) as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText(/Adgangskode/), 'right password{Enter}');
    await waitFor(() => expect(lock.isConnected).toBe(false));
    expect(api.unlockSession).toHaveBeenLastCalledWith({ password: 'right password' });
    const again = screen.getByRole('textbox', { name: 'Adresse, som personen siger den' }) as HTMLInputElement;
    expect(again.value).toBe('Nørregade 12');
  });

  it('locks when the desktop shell asks (OS lock, suspend), and a reload stays locked', async () => {
    let listener: (() => void) | undefined;
    const bridge: ConsoleBridge = {
      invoke: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'not in this test' } }),
      onLockRequested: (l) => {
        listener = l;
        return () => {
          listener = undefined;
        };
      },
      saveDownload: async () => ({ ok: true, saved: false }),
      saveText: async () => ({ ok: true, saved: false }),
      cancelDownload: async () => {},
      onDownloadProgress: () => () => {},
      onCallLink: () => () => {},
      takeCallLink: async () => null,
      copyText: async () => true,
      settings: {
        get: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'not in this test' } }),
        update: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'not in this test' } }),
      },
    };
    window.consoleBridge = bridge;
    // In Electron a reload finds the same session in the main process (same fixed end time).
    const same = session(300);
    const first = await onCall(300, same);
    expect(listener).toBeTypeOf('function');
    act(() => listener?.());
    expect((await screen.findByRole('dialog', { name: 'Konsollen er låst' })).textContent).toContain('da computeren blev låst');
    first.unmount();
    const api = fakeApi();
    api.getSession.mockResolvedValue(same);
    api.getVerification.mockResolvedValue(inProgress());
    renderConsole({ api, path: `/call/new?id=${verificationId}` });
    // After a reload it only knows that it is locked, not why.
    expect((await screen.findByRole('dialog', { name: 'Konsollen er låst' }, { timeout: 3000 })).textContent).toContain('Konsollen er låst. Et opkald i gang er bevaret.');
  });

  it('Alt+L locks at once; too many wrong passwords end the session and lead to sign-in', async () => {
    const user = userEvent.setup();
    const { api, router } = await onCall();
    await user.keyboard('{Alt>}l{/Alt}');
    // The agent locked it: the screen says so, not "after a period without activity".
    const lock = await screen.findByRole('dialog', { name: 'Konsollen er låst' });
    expect(lock.textContent).toContain('Du låste konsollen.');
    expect(lock.textContent).not.toContain('uden aktivitet');
    const password = await screen.findByLabelText(/Adgangskode/);
    api.unlockSession.mockRejectedValue(new ApiError(401, errorCodes.unauthenticated, 'Locked.'));
    await user.type(password, 'wrong again{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    // Back to the call after signing in.
    expect(router.state.location.state).toEqual({ from: `/call/new?id=${verificationId}` });
  });
});
