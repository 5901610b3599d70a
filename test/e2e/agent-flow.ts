// Shared steps of the agent e2e specs: sign in, identify a caller, answer as the demo persona would,
// read the SMS from the sandbox outbox, and the checks every screen gets (axe, screenshot, no leaks).
// The expected answers are computed HERE, in the test process, from the deterministic persona records:
// the console and its network traffic never carry them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type Response } from '@playwright/test';
import type { QuestionView, VerificationView } from '../../shared/api/index';
import { municipalityAt } from '../../shared/domain/geography/index';
import { personaRecords, personaRelatives, personas } from '../../server/sandbox/personas';
import type { PersonRecord } from '../../server/sandbox/records';

export const shots = 'test-results/screens';
export const demo = {
  agent: { username: 'agent', password: 'agent-demo-pass' },
  supervisor: { username: 'supervisor', password: 'supervisor-demo-pass' },
} as const;

export type PersonaKey = keyof typeof personas;

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * A screenshot under test-results/screens, and axe on the page. A modal (lock, dialogs) is fixed to the
 * viewport, so it is shot as the agent sees it rather than stitched over the full page height.
 */
export async function lookAt(page: Page, name: string) {
  const modal = (await page.locator('[role="dialog"][aria-modal="true"]').count()) > 0;
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: !modal });
  await expectNoSeriousA11yViolations(page);
}

// ---- the persona's facts, regenerated here -------------------------------------------------------

const records = new Map(personaRecords(new Date()).map((r) => [r.person.cpr, r]));

function recordOf(cpr: string): PersonRecord {
  const r = records.get(cpr);
  if (!r) throw new Error(`no persona record for ${cpr}`);
  return r;
}

export function persona(key: PersonaKey): PersonRecord {
  return recordOf(personas[key].cpr);
}

const months = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const monthYear = (iso: string) => `${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const year = (iso: string) => iso.slice(0, 4);
const firstName = (cpr: string) => recordOf(cpr).person.firstNames;

function addressLine(a: PersonRecord['addresses'][number]): string {
  const floor = a.floor ? (a.floor === 'st' ? 'st.' : a.floor === 'kl' ? 'kl.' : `${a.floor}.`) : '';
  const unit = [floor, a.door ?? ''].filter(Boolean).join(' ');
  return `${a.street} ${a.houseNumber}${unit ? `, ${unit}` : ''}, ${a.postcode} ${a.town}`;
}

function livedIn(r: PersonRecord, y: number) {
  return r.addresses.find((a) => a.movedIn <= `${y}-01-01` && (!a.movedOut || a.movedOut > `${y}-12-31`) && a.street);
}

/** Marriages as [married row, how it ended (or undefined)]. */
function marriages(r: PersonRecord) {
  return r.civilStatus.flatMap((row, i) => (row.status === 'married' ? [[row, r.civilStatus[i + 1]] as const] : []));
}

/** What the persona answers to a question, as a caller would say it; null when the test cannot tell. */
export function answerFor(r: PersonRecord, q: Pick<QuestionView, 'kind' | 'params'>): string | null {
  const p = q.params;
  switch (q.kind) {
    case 'earlier_address': {
      const a = livedIn(r, Number(p.year));
      return a ? addressLine(a) : null;
    }
    case 'municipality_in_year': {
      const a = livedIn(r, Number(p.year));
      return a?.postcode ? (municipalityAt(a.postcode, `${String(p.year)}-07-01`)?.name ?? null) : null;
    }
    case 'address_move_in':
    case 'address_move_out': {
      const a = r.addresses.find((x) => x.street === p.street);
      const date = q.kind === 'address_move_in' ? a?.movedIn : a?.movedOut;
      return date ? monthYear(date) : null;
    }
    case 'parent_first_name': {
      const sex = p.parent === 'mother' ? 'female' : 'male';
      const parent = r.relations.filter((x) => x.kind === 'parent').map((x) => recordOf(x.relatedCpr)).find((x) => x.person.sex === sex);
      return parent?.person.firstNames ?? null;
    }
    case 'spouse_first_name':
    case 'marriage_year': {
      const m = marriages(r).find(([, end]) => (p.when === 'former' ? end !== undefined : end === undefined));
      if (!m) return null;
      if (q.kind === 'marriage_year') return year(m[0].validFrom);
      return m[0].spouseCpr ? firstName(m[0].spouseCpr) : null;
    }
    case 'divorce_year': {
      const d = r.civilStatus.find((x) => x.status === 'divorced');
      return d ? year(d.validFrom) : null;
    }
    case 'child_first_name': {
      const child = r.relations
        .filter((x) => x.kind === 'child')
        .map((x) => recordOf(x.relatedCpr))
        .find((c) => c.person.birthDate.startsWith(String(p.birthYear)));
      return child?.person.firstNames ?? null;
    }
    case 'child_birth_year': {
      const child = r.relations
        .filter((x) => x.kind === 'child')
        .map((x) => recordOf(x.relatedCpr))
        .find((c) => c.person.firstNames.split(' ')[0] === p.childFirstName);
      return child ? year(child.person.birthDate) : null;
    }
    case 'place_of_birth':
      return r.person.birthplace;
    case 'former_surname':
      return r.names[0]?.lastName ?? null;
  }
}

/**
 * Facts of the persona that no response to the console may contain: addresses with house numbers,
 * relatives' names (children's first names excepted: a question may name one), birthplace, former
 * surnames, the CPR number in clear, the mobile number, the document numbers.
 */
export function secretsOf(r: PersonRecord): string[] {
  const names = [
    ...r.relations.filter((x) => x.kind !== 'child').map((x) => firstName(x.relatedCpr)),
    ...r.civilStatus.flatMap((c) => (c.spouseCpr ? [firstName(c.spouseCpr)] : [])),
  ];
  return [
    ...r.addresses.filter((a) => a.street).map((a) => `${a.street} ${a.houseNumber}`),
    ...names,
    r.person.birthplace,
    ...r.names.map((n) => n.lastName).filter((n) => !`${r.person.middleName ?? ''} ${r.person.lastName}`.includes(n)),
    r.person.cpr,
    ...(r.mitid ? [r.mitid.mobileNumber, r.mitid.mobileNumber.slice(-8)] : []),
    ...r.documents.map((d) => d.number),
  ].filter((s) => s.length >= 3);
}

/** Collects the bodies of every Support API response the page receives. */
export function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    response.text().then(
      (text) => bodies.push(text),
      () => undefined,
    );
  });
  return bodies;
}

export function expectNoLeak(bodies: readonly string[], r: PersonRecord) {
  expect(bodies.length).toBeGreaterThan(0);
  for (const secret of secretsOf(r)) {
    const leaking = bodies.filter((b) => b.toLowerCase().includes(secret.toLowerCase()));
    expect(leaking, `"${secret}" reached the console`).toEqual([]);
  }
}

// ---- driving the console --------------------------------------------------------------------------

export async function signIn(page: Page, account: { username: string; password: string } = demo.agent) {
  await page.goto('/');
  await page.getByLabel('Brugernavn').fill(account.username);
  await page.getByLabel('Adgangskode').fill(account.password);
  await page.getByLabel('Adgangskode').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt opkald' })).toBeVisible();
}

export const cprField = (page: Page) => page.getByRole('textbox', { name: /CPR-nummer/ });
export const answerField = (page: Page) => page.locator('main').getByRole('textbox');

/** Fills step 1 by keyboard and starts; returns the first view. */
export async function identify(
  page: Page,
  claim: { cpr?: string; userId?: string; documentType: 'passport' | 'driving_licence'; number: string; callLanguage?: 'da' | 'en' },
): Promise<VerificationView> {
  if (claim.callLanguage === 'en') await page.getByRole('radio', { name: 'English' }).check();
  if (claim.userId) {
    await page.getByRole('radio', { name: 'MitID bruger-ID' }).check();
    await page.getByRole('textbox', { name: /MitID bruger-ID/ }).fill(claim.userId);
  } else {
    await cprField(page).pressSequentially(claim.cpr ?? '');
  }
  await page.getByRole('radio', { name: claim.documentType === 'passport' ? 'Pas' : 'Kørekort' }).check();
  await page.getByRole('textbox', { name: /Nummer på legitimationen/ }).fill(claim.number);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/verifications' && r.request().method() === 'POST'),
    page.getByRole('textbox', { name: /Nummer på legitimationen/ }).press('Enter'),
  ]);
  expect(response.ok()).toBe(true);
  return (await response.json()) as VerificationView;
}

/**
 * Answers the current question as the persona would (or "doesn't know" with Alt+D), by keyboard,
 * and returns the view that came back.
 */
export async function answer(page: Page, view: VerificationView, r: PersonRecord | null): Promise<VerificationView> {
  const q = view.currentQuestion;
  if (!q) throw new Error('no current question');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${q.number} af højst`) })).toBeVisible();
  const input = answerField(page);
  await expect(input).toBeFocused();
  const text = r ? answerFor(r, q) : null;
  const waitAnswer = page.waitForResponse((res) => res.url().endsWith('/answers') && res.request().method() === 'POST');
  if (text) {
    await input.fill(text);
    await input.press('Enter');
  } else {
    await page.keyboard.press('Alt+KeyD');
  }
  const response = await waitAnswer;
  expect(response.ok()).toBe(true);
  return (await response.json()) as VerificationView;
}

/** Answers until the verification ends. */
export async function answerAll(page: Page, first: VerificationView, r: PersonRecord | null): Promise<VerificationView> {
  let view = first;
  for (let i = 0; view.status === 'in_progress' && i < 12; i++) view = await answer(page, view, r);
  return view;
}

/** The newest SMS to a MitID user in the sandbox outbox, read as the demo supervisor over HTTP. */
export async function latestSms(request: APIRequestContext, userId: string): Promise<string> {
  const login = await request.post('/api/session', { data: demo.supervisor });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const outbox = await request.get(`/api/sandbox/outbox?userId=${encodeURIComponent(userId)}&limit=5`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(outbox.ok()).toBe(true);
  const { items } = (await outbox.json()) as { items: { channel: string; body: string }[] };
  const sms = items.find((m) => m.channel === 'sms');
  if (!sms) throw new Error(`no SMS for ${userId}`);
  await request.delete('/api/session', { headers: { authorization: `Bearer ${token}` } });
  return sms.body;
}

export { personas, personaRelatives };
