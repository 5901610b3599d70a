// The policy form: the contract's bounds refuse unsafe values before anything is sent, a reason is
// required, and a valid change is sent whole.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EditablePolicy } from '../../../../../shared/api/index';
import { fakeApi, renderConsole, sessionFor } from '../../support/render-console';

const policy: EditablePolicy = {
  verification: { questionCount: 4, extraQuestions: 2, passThresholdPercent: 75, minCorrect: 3, maxAcquaintanceQuestions: 1, maxAcquaintanceQuestionsWhenThin: 2, minPrivateCorrect: 2, lockoutFailures: 2, lockoutWindowHours: 24, timeoutMinutes: 15 },
  codes: { length: 8, lifetimeMinutes: 30, maxAttempts: 3 },
  session: { consoleLockMinutes: 5 },
  watch: { openingHoursStart: '08:00', openingHoursEnd: '20:00' },
  cosign: { onVelocitySignal: true, onNameAddressProtection: true, borderlineMarginPercent: 10, outsideOpeningHours: false, timeoutMinutes: 5 },
};

function setup(language: 'da' | 'en' = 'da') {
  const api = fakeApi({
    getSession: async () => sessionFor('supervisor'),
    getPolicy: async () => ({ policy, updatedAt: null, updatedBy: null }),
    updatePolicy: async (input: never) => ({ policy: (input as { policy: EditablePolicy }).policy, updatedAt: '2026-11-25T09:00:00.000Z', updatedBy: { id: 'u-supervisor', displayName: 'Søren Supervisor' } }),
  });
  renderConsole({ api, path: '/supervisor/policy', language });
  return { api, user: userEvent.setup() };
}

const setNumber = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('policy form', () => {
  // The first test pays for loading the policy chunk (with the date pickers) into jsdom: slow on a busy machine.
  it('shows the policy in force with each field’s bounds', { timeout: 90_000 }, async () => {
    setup();
    const count = (await screen.findByLabelText('Antal spørgsmål', {}, { timeout: 80_000 })) as HTMLInputElement;
    expect(count.value).toBe('4');
    expect((screen.getByLabelText('Grænse for bestået (%)') as HTMLInputElement).value).toBe('75');
    expect(screen.getByText('Mellem 50 og 100')).toBeTruthy();
    expect(screen.getByText('Standardpolitik (aldrig ændret)')).toBeTruthy();
  });

  it('refuses a pass threshold of 0, a 1-digit code, too many required answers and no reason', async () => {
    const { api, user } = setup();
    await screen.findByLabelText('Antal spørgsmål', {}, { timeout: 10_000 });
    setNumber('Grænse for bestået (%)', '0');
    setNumber('Kodens længde (cifre)', '1');
    setNumber('Mindst antal helt rigtige svar', '5');
    await user.click(screen.getByRole('button', { name: 'Gem politik' }));
    expect(await screen.findByText('Skal være mellem 50 og 100.')).toBeTruthy();
    expect(screen.getByText('Skal være mellem 6 og 12.')).toBeTruthy();
    expect(screen.getByText('Kan ikke være flere end antal spørgsmål.')).toBeTruthy();
    expect(screen.getByText('Skriv en begrundelse på mindst 10 tegn.')).toBeTruthy();
    expect(api.updatePolicy).not.toHaveBeenCalled();
  });

  it('sends a valid change with its reason and confirms it', async () => {
    const { api, user } = setup();
    await screen.findByLabelText('Antal spørgsmål', {}, { timeout: 10_000 });
    setNumber('Antal spørgsmål', '5');
    setNumber('Kodens levetid (minutter)', '10');
    await user.type(screen.getByLabelText(/Begrundelse for ændringen/), 'Fraud review 2026-11: one more question');
    await user.click(screen.getByRole('button', { name: 'Gem politik' }));
    await waitFor(() => expect(api.updatePolicy).toHaveBeenCalledTimes(1));
    expect(api.updatePolicy.mock.calls[0]?.[0]).toEqual({
      policy: { ...policy, verification: { ...policy.verification, questionCount: 5 }, codes: { ...policy.codes, lifetimeMinutes: 10 } },
      reason: 'Fraud review 2026-11: one more question',
    });
    expect(await screen.findByText('Politikken er gemt og gælder for nye verifikationer.')).toBeTruthy();
  });

  it('edits the co-sign section: triggers as check boxes, the time limit within the policy schema\'s bounds', async () => {
    const { api, user } = setup();
    const velocity = (await screen.findByRole('checkbox', { name: /Ved hastighedssignal/ }, { timeout: 10_000 })) as HTMLInputElement;
    expect(velocity.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Uden for åbningstiden/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Mellem 1 og 30')).toBeTruthy();
    setNumber('Tid til at godkende (minutter)', '45');
    await user.type(screen.getByLabelText(/Begrundelse for ændringen/), 'Night shift has a supervisor now');
    await user.click(screen.getByRole('button', { name: 'Gem politik' }));
    expect(await screen.findByText('Skal være mellem 1 og 30.')).toBeTruthy();
    expect(api.updatePolicy).not.toHaveBeenCalled();
    setNumber('Tid til at godkende (minutter)', '10');
    await user.click(velocity);
    await user.click(screen.getByRole('checkbox', { name: /Uden for åbningstiden/ }));
    await user.click(screen.getByRole('button', { name: 'Gem politik' }));
    await waitFor(() => expect(api.updatePolicy).toHaveBeenCalledTimes(1));
    expect(api.updatePolicy.mock.calls[0]?.[0].policy.cosign).toEqual({ ...policy.cosign, onVelocitySignal: false, outsideOpeningHours: true, timeoutMinutes: 10 });
  });

  it('shows the co-sign section in English', async () => {
    setup('en');
    expect(await screen.findByRole('group', { name: 'Co-sign of codes (four eyes)' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByLabelText('Time to approve (minutes)')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'When the person has name and address protection' })).toBeTruthy();
  });

  it('refuses closing hours before opening hours, in English', async () => {
    const { api, user } = setup('en');
    await screen.findByLabelText('Number of questions', {}, { timeout: 10_000 });
    // The time picker's sections (hours, minutes) take typed digits, as an agent would type them.
    const closes = screen.getByText('Closes', { selector: 'label' }).parentElement!;
    const [hours] = within(closes).getAllByRole('spinbutton');
    await user.click(hours!);
    await user.keyboard('07');
    await waitFor(() => expect(within(closes).getAllByRole('spinbutton')[0]!.textContent).toBe('07'));
    await user.type(screen.getByLabelText(/Reason for the change/), 'shift change next week');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Must be after the opening time.')).toBeTruthy();
    expect(api.updatePolicy).not.toHaveBeenCalled();
  });
});
