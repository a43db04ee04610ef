import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

/** A legal-aid worker at "Rechtshulp Mensenhandel": an organisation with no referral for this case. */
const LEGAL_AID = 'legal-aid@baken.example';

/** Calls the API from inside the signed-in page (same origin, its cookie, its CSRF token). */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as T };
    },
    { method, path, body },
  );
}

/** Letters only, so that the name is one searchable word. */
function uniqueWord(prefix: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let suffix = '';
  for (let i = 0; i < 8; i += 1) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `${prefix}${suffix}`;
}

describe('from signal to shelter referral, with need-to-know access', () => {
  let browser: Browser;
  let registrar: BrowserContext;
  let page: Page;
  const surname = uniqueWord('Popescu');
  const name = `Ana ${surname}`;
  let signal: { id: string; number: string };
  let caseId = '';
  let caseNumber = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // A police officer submits the signal (statutory task: police may pass data to the registrar).
    const responderContext = await newContext(browser);
    const responder = await responderContext.newPage();
    await signIn(responder, DEMO.firstResponder);
    const created = await callApi<{ id: string; number: string }>(responder, 'POST', '/api/signals', {
      clientRequestId: crypto.randomUUID(),
      person: { name, estimatedAge: 24, sex: 'female', citizenships: ['RO'], languages: ['ro'] },
      indicators: ['documents-withheld', 'deceptive-job-offer'],
      forms: ['forced-labour'],
      sector: 'agriculture-horticulture',
      region: 'rotterdam',
      place: 'Westland',
      acuteDanger: false,
      minorInvolved: false,
      description: 'Werkt zeven dagen per week in een kas; paspoort ingehouden door de uitzendbemiddelaar.',
      legalBasis: 'statutory-task',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    signal = created.json;
    await responderContext.close();

    registrar = await newContext(browser);
    page = await registrar.newPage();
    await signIn(page, DEMO.registrar);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the signal in the triage queue', async () => {
    await openArea(page, 'Triage');
    const row = page.getByTestId('triage-table').getByRole('row').filter({ hasText: signal.number });
    await row.waitFor();
    expect(await row.textContent()).toContain('Arbeidsuitbuiting');
    await expectNoAxeViolations(page, 'triage queue');
    await screenshot(page, 'cases-triage');
    await row.getByRole('link', { name: signal.number }).click();
    await page.locator('h1', { hasText: `Signaal ${signal.number}` }).waitFor();
    expect(await page.getByTestId('signal-person').textContent()).toContain(name);
    await page.getByText('Identiteitspapieren ingehouden door anderen').waitFor();
    await expectNoAxeViolations(page, 'signal page');
  });

  it('registers a presumed victim with consent for registration and shelter', async () => {
    // A second tab on the same signal, still showing the decision form (for the conflict below).
    const stale = await registrar.newPage();
    await stale.goto(`/triage/${signal.id}`);
    await stale.getByTestId('decision-panel').waitFor();

    await page.getByRole('radio', { name: 'Registreren als vermoedelijk slachtoffer' }).check();
    const form = page.getByTestId('registration-form');
    await form.waitFor();
    expect(await form.getByLabel(/^Naam/).inputValue()).toBe(name);
    await form.getByLabel('Aangifte gedaan').check();
    await form.getByLabel('Notities over het onderzoek').fill('Verdachte uitzendbemiddelaar bekend bij de recherche.');
    await form.getByLabel('Dossiertype').selectOption({ label: 'Registratie en opvang' });
    const consents = form.getByTestId('registration-consents');
    const registration = consents.getByRole('group', { name: 'Registratie door het centraal informatiepunt' });
    expect(await registration.getByLabel('Vastleggen voor dit doel').isChecked()).toBe(true);
    await registration.getByLabel('Grondslag').selectOption({ label: 'Toestemming' });
    const shelter = consents.getByRole('group', { name: 'Delen voor opvang' });
    await shelter.getByLabel('Vastleggen voor dit doel').check();
    expect(await shelter.getByLabel('Grondslag').inputValue()).toBe('consent');
    await expectNoAxeViolations(page, 'registration form');
    await screenshot(page, 'cases-registration-form');
    await form.getByRole('button', { name: 'Registreren' }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/cases/'));
    const heading = await page.locator('h1', { hasText: /^Zaak NRM-/ }).textContent();
    caseNumber = (heading ?? '').replace('Zaak ', '').trim();
    caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(caseNumber).toMatch(/^NRM-\d{4}-[A-Z0-9]+$/);
    const ledger = await page.getByTestId('consents-table').textContent();
    expect(ledger).toContain('Registratie door het centraal informatiepunt');
    expect(ledger).toContain('Delen voor opvang');
    expect(await page.getByTestId('group-investigation').textContent()).toContain('bekend bij de recherche');

    // The other tab decides too late: the server's 409 is shown, nothing is saved twice.
    await stale.getByRole('radio', { name: 'Geen indicatie van mensenhandel' }).check();
    await stale.getByLabel('Reden').fill('Dubbele beoordeling');
    await stale.getByRole('button', { name: 'Vastleggen: geen indicatie' }).click();
    await stale.getByTestId('decision-conflict').waitFor();
    await expectNoAxeViolations(stale, 'decision conflict');
    await stale.close();
  });

  it('refers to the shelter with the shelter access profile', async () => {
    await expectNoAxeViolations(page, 'case page (registrar)');
    await screenshot(page, 'cases-case-registrar');
    await page.getByRole('button', { name: 'Nieuwe verwijzing' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe verwijzing' });
    await form.getByLabel('Soort verwijzing').selectOption({ label: 'Opvang' });
    await form.getByLabel('Ontvangende organisatie').selectOption({ label: 'Opvanghuis De Haven' });
    expect(await form.getByLabel('Toegangsprofiel').inputValue()).toBe('shelter');
    await form.getByLabel('Toelichting').fill('Plaatsing vandaag graag.');
    await expectNoAxeViolations(page, 'referral form');
    await form.getByRole('button', { name: 'Verwijzing aanvragen' }).click();
    await page.getByTestId('referral-notice').waitFor();
    const row = page.getByTestId('case-referrals').getByRole('row').filter({ hasText: 'Opvanghuis De Haven' });
    await expect.poll(() => row.textContent()).toContain('Aangevraagd');
  });

  it('lets the shelter accept the referral and see identity and person data only', async () => {
    const shelter = await (await newContext(browser)).newPage();
    await signIn(shelter, DEMO.serviceProvider);
    await openArea(shelter, 'Verwijzingen');
    const row = shelter.getByTestId('referrals-table').getByRole('row').filter({ hasText: caseNumber });
    await row.waitFor();
    await expectNoAxeViolations(shelter, 'referrals page (shelter)');
    await screenshot(shelter, 'cases-referrals-shelter');
    await row.getByRole('button', { name: `Aanvaarden: ${caseNumber}` }).click();
    await expect.poll(() => row.textContent()).toContain('Aanvaard');

    await row.getByRole('link', { name: caseNumber }).click();
    await shelter.locator('h1', { hasText: `Zaak ${caseNumber}` }).waitFor();
    expect(await shelter.getByTestId('my-referral').textContent()).toContain('Opvang');
    expect(await shelter.getByTestId('group-identity').textContent()).toContain(name);
    expect(await shelter.getByTestId('group-person').textContent()).toContain('24');
    expect(await shelter.getByTestId('group-investigation').count()).toBe(0);
    expect(await shelter.getByTestId('group-source').count()).toBe(0);
    expect(await shelter.locator('main').textContent()).not.toContain('bekend bij de recherche');
    await expectNoAxeViolations(shelter, 'case page (shelter)');
    await screenshot(shelter, 'cases-case-shelter');
    await shelter.context().close();
  });

  it('hides the case from an unrelated organisation', async () => {
    const other = await (await newContext(browser)).newPage();
    await signIn(other, LEGAL_AID);
    await openArea(other, 'Zaken');
    const filter = other.getByRole('search', { name: 'Zaken zoeken' });
    for (const q of [caseNumber, surname]) {
      await filter.getByLabel('Zaaknummer of naam').fill(q);
      await filter.getByRole('button', { name: 'Filteren' }).click();
      await expect.poll(() => other.getByTestId('cases-count').textContent()).toBe('0 zaken gevonden.');
    }
    await other.goto(`/cases/${caseId}`);
    await other.locator('h1', { hasText: 'Zaak niet gevonden' }).waitFor();
    expect(await other.locator('main').textContent()).not.toContain(name);
    await expectNoAxeViolations(other, 'case not found');
    await other.context().close();
  });

  it('shows the registrar who viewed the case', async () => {
    await page.reload();
    const views = page.getByTestId('case-views');
    await views.waitFor();
    await expect.poll(() => views.textContent()).toContain('Sanne Opvang');
    expect(await views.textContent()).toContain('Opvanghuis De Haven');
    await expectNoAxeViolations(page, 'case page with views');
    await screenshot(page, 'cases-case-views');
  });
});
