// Calls that end with a referral, against the served sandbox and its demo personas: two failed
// verifications lock the third attempt out; a wrong document says "could not be verified" and nothing
// more; a mobile number changed days ago turns the code into a referral.
import { expect, test } from '@playwright/test';
import { answerAll, expectNoLeak, identify, lookAt, persona, personas, recordResponses, responsesRead, signIn } from './agent-flow';

const borgerservice = /Borgerservice i din kommune\. Tag gyldig billedlegitimation med, fx dit pas eller kørekort, og dit sundhedskort\./;

test('fail twice → the third attempt is refused with the Borgerservice script', async ({ page }) => {
  const bodies = recordResponses(page);
  const mikkel = persona('trickyAddresses');
  await signIn(page);
  for (const attempt of [1, 2]) {
    const first = await identify(page, { cpr: personas.trickyAddresses.cpr, documentType: 'passport', number: '613904528' });
    // The caller knows nothing: "doesn't know" (Alt+D) to every question.
    const last = await answerAll(page, first, null);
    expect(last.status).toBe('failed');
    expect(last.outcome?.reason).toBe('too_few_correct');
    await expect(page.getByRole('heading', { level: 2, name: 'Henvis til Borgerservice' })).toBeVisible();
    await expect(page.getByText('For få rigtige svar.')).toBeVisible();
    await expect(page.getByText(borgerservice)).toBeVisible();
    if (attempt === 1) await lookAt(page, 'agent-outcome-failed');
    await page.keyboard.press('Alt+KeyN');
    await expect(page.getByRole('heading', { level: 2, name: 'Hvem ringer?' })).toBeVisible();
  }
  const third = await identify(page, { cpr: personas.trickyAddresses.cpr, documentType: 'passport', number: '613904528' });
  expect(third.status).not.toBe('in_progress');
  expect(third.outcome?.reason).toBe('locked_out');
  await expect(page.getByRole('heading', { level: 2, name: 'Henvis til Borgerservice' })).toBeVisible();
  await expect(page.getByText(/For mange forsøg/)).toBeVisible();
  await expect(page.getByText(/for mange forsøg på at bekræfte din identitet over telefonen/)).toBeVisible();
  await expect(page.getByText(borgerservice)).toBeVisible();
  await lookAt(page, 'agent-outcome-locked-out');
  await responsesRead(bodies);
  expectNoLeak(bodies, mikkel);
});

test('a wrong document number → "could not be verified", and not why', async ({ page }) => {
  const bodies = recordResponses(page);
  await signIn(page);
  // Peter Vestergaard's passport is 204518687; the caller gives Kirsten Holm's, one digit off.
  const view = await identify(page, { cpr: personas.nearPassport.cpr, documentType: 'passport', number: '204518637' });
  expect(view.outcome?.reason).toBe('identity_not_verified');
  expect(view.maskedCpr).toBeNull();
  const outcome = page.locator('main');
  await expect(page.getByRole('heading', { level: 2, name: 'Kunne ikke verificeres' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Kunne ikke verificeres' })).toBeFocused();
  await expect(outcome).toContainText('Jeg kan desværre ikke bekræfte din identitet over telefonen.');
  await expect(outcome).not.toContainText(/pasnummer|dokument|CPR-nummeret passer/i);
  await lookAt(page, 'agent-outcome-not-verified');
  await responsesRead(bodies);
  expectNoLeak(bodies, persona('nearPassport'));
});

// Hans Peter Mortensen (persona "singleAddress") has lived at one address, his current one, all his
// life, and has no family in the register: too little to ask four questions, so a referral at once.
test('a register too thin to ask enough questions: a referral at once', async ({ page }) => {
  const bodies = recordResponses(page);
  await signIn(page);
  const view = await identify(page, { cpr: personas.singleAddress.cpr, documentType: 'driving_licence', number: '73920461' });
  expect(view.status).toBe('refer');
  expect(view.outcome?.reason).toBe('insufficient_register_data');
  await expect(page.getByRole('heading', { level: 2, name: 'Henvis til Borgerservice' })).toBeVisible();
  await expect(page.getByText('Registret har for få oplysninger til at stille nok spørgsmål.')).toBeVisible();
  await expect(page.getByText(borgerservice)).toBeVisible();
  await lookAt(page, 'agent-outcome-insufficient');
  await responsesRead(bodies);
  expectNoLeak(bodies, persona('singleAddress'));
});

// Jonas Frederiksen (persona "recentMobile") passes, but his mobile number is 2 days old: the code is
// not sent and the call becomes a referral.
test('a mobile number changed two days ago → passed, then the code turns into a referral', async ({ page }) => {
  const bodies = recordResponses(page);
  const jonas = persona('recentMobile');
  await signIn(page);
  const first = await identify(page, { cpr: personas.recentMobile.cpr, documentType: 'passport', number: '512640893' });
  const last = await answerAll(page, first, jonas);
  expect(last.status).toBe('passed');
  await page.getByRole('button', { name: 'Send aktiveringskode på SMS' }).press('Enter');
  await expect(page.getByText(/Mobilnummeret er skiftet inden for de seneste 5 dage/)).toBeVisible();
  await lookAt(page, 'agent-outcome-mobile-changed');
  await responsesRead(bodies);
  expectNoLeak(bodies, jonas);
});
