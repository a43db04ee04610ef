import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

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

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('withdrawing consent stops referrals at once', () => {
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let caseNumber = '';
  const referralsTable = () => page.getByTestId('case-referrals');
  const shelterRows = () => referralsTable().getByRole('row').filter({ hasText: 'Opvanghuis De Haven' });

  beforeAll(async () => {
    browser = await launchBrowser();
    // Set-up through the API: a police signal, registered with consent for registration and shelter,
    // and a pending shelter referral.
    const responder = await newPage(browser);
    await signIn(responder, DEMO.firstResponder);
    const signal = await callApi<{ id: string }>(responder, 'POST', '/api/signals', {
      clientRequestId: crypto.randomUUID(),
      person: { name: 'Mira Testpersoon', estimatedAge: 31, sex: 'female' },
      indicators: ['movement-restricted'],
      forms: ['sexual-exploitation'],
      region: 'amsterdam',
      acuteDanger: false,
      minorInvolved: false,
      description: 'Woont op het adres waar zij werkt; mag niet zelfstandig naar buiten.',
      legalBasis: 'statutory-task',
    });
    expect(signal.status, JSON.stringify(signal.json)).toBe(201);
    await responder.context().close();

    page = await newPage(browser);
    await signIn(page, DEMO.registrar);
    const decided = await callApi<{ decision: { caseId: string; caseNumber: string } }>(page, 'POST', `/api/signals/${signal.json.id}/decision`, {
      decision: 'register',
      registration: {
        person: { name: 'Mira Testpersoon', estimatedAge: 31, sex: 'female' },
        forms: ['sexual-exploitation'],
        region: 'amsterdam',
        dossierType: 'registration-shelter',
        consents: [
          { purpose: 'registration', legalBasis: 'consent', givenOn: today() },
          { purpose: 'statistics', legalBasis: 'statutory-task', givenOn: today() },
          { purpose: 'shelter', legalBasis: 'consent', givenOn: today() },
        ],
      },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    caseId = decided.json.decision.caseId;
    caseNumber = decided.json.decision.caseNumber;
    const shelters = await callApi<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/directory/organisations?type=shelter');
    const haven = shelters.json.items.find((organisation) => organisation.name === 'Opvanghuis De Haven');
    expect(haven).toBeDefined();
    const referral = await callApi<{ status: string }>(page, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: haven?.id });
    expect(referral.status, JSON.stringify(referral.json)).toBe(201);
    expect(referral.json.status).toBe('requested');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('withdraws the shelter consent and revokes the pending referral at once', async () => {
    await page.goto(`/cases/${caseId}`);
    await page.locator('h1', { hasText: `Zaak ${caseNumber}` }).waitFor();
    await expect.poll(() => shelterRows().first().textContent()).toContain('Aangevraagd');

    await page.getByRole('button', { name: 'Intrekken: Delen voor opvang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming intrekken: Delen voor opvang' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('withdraw-effect').textContent()).toBe('Er loopt nu 1 verwijzing die hierop steunt.');
    // A reason is required.
    await dialog.getByRole('button', { name: 'Toestemming intrekken' }).click();
    expect(await dialog.getByLabel('Reden van intrekken').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'withdraw dialog');
    await screenshot(page, 'cases-withdraw-dialog', { fullPage: false });
    await dialog.getByLabel('Reden van intrekken').fill('Wil niet meer dat de opvang haar gegevens krijgt.');
    await dialog.getByRole('button', { name: 'Toestemming intrekken' }).click();

    expect(await page.getByTestId('consent-notice').textContent()).toBe('Toestemming ingetrokken: Delen voor opvang. 1 lopende verwijzing is ingetrokken.');
    await expect.poll(() => shelterRows().first().textContent()).toContain('Ingetrokken');
    const shelterConsent = page.getByTestId('consents-table').getByRole('row').filter({ hasText: 'Delen voor opvang' });
    expect(await shelterConsent.textContent()).toContain('Ingetrokken');
  });

  it('refuses a new shelter referral for want of consent, and overrides only with a reason', async () => {
    await page.getByRole('button', { name: 'Nieuwe verwijzing' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe verwijzing' });
    await form.getByLabel('Soort verwijzing').selectOption({ label: 'Opvang' });
    await form.getByLabel('Ontvangende organisatie').selectOption({ label: 'Opvanghuis De Haven' });
    await form.getByRole('button', { name: 'Verwijzing aanvragen' }).click();

    const gate = page.getByTestId('consent-gate');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('Delen voor opvang');
    const override = page.getByRole('form', { name: 'Toestemmingscontrole doorbreken' });
    await override.getByRole('button', { name: 'Doorbreken met reden en verwijzen' }).click();
    expect(await override.getByLabel('Reden om zonder toestemming te verwijzen').getAttribute('aria-invalid')).toBe('true');
    expect(await shelterRows().count()).toBe(1);
    await expectNoAxeViolations(page, 'consent gate');
    await screenshot(page, 'cases-consent-gate');

    await override.getByLabel('Reden om zonder toestemming te verwijzen').fill('Acuut gevaar: vanavond onderdak nodig.');
    await override.getByRole('button', { name: 'Doorbreken met reden en verwijzen' }).click();
    await page.getByTestId('referral-notice').waitFor();
    await expect.poll(() => shelterRows().count()).toBe(2);
    const texts = await shelterRows().allTextContents();
    expect(texts.some((text) => text.includes('Aangevraagd') && text.includes('Acuut gevaar'))).toBe(true);
  });

  it('closes the case with a reason, ending the open referral, and reopens it', async () => {
    await page.getByRole('button', { name: 'Zaak afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: `Zaak ${caseNumber} afsluiten` });
    await dialog.waitFor();
    await dialog.getByLabel('Reden').fill('Teruggekeerd naar het land van herkomst met terugkeerbegeleiding.');
    await expectNoAxeViolations(page, 'close case dialog');
    await dialog.getByRole('button', { name: 'Zaak afsluiten' }).click();
    await page.getByTestId('closure-notice').waitFor();
    await expect.poll(() => page.getByTestId('closure-info').textContent()).toContain('Teruggekeerd');
    await expect.poll(async () => (await shelterRows().allTextContents()).every((text) => !text.includes('Aangevraagd'))).toBe(true);

    await page.getByRole('button', { name: 'Zaak heropenen' }).click();
    const reopen = page.getByRole('dialog', { name: `Zaak ${caseNumber} heropenen` });
    await reopen.getByLabel('Reden').fill('Opnieuw in beeld na een nieuw signaal.');
    await reopen.getByRole('button', { name: 'Zaak heropenen' }).click();
    await expect.poll(() => page.getByTestId('closure-notice').textContent()).toBe('De zaak is heropend.');
    await expectNoAxeViolations(page, 'reopened case');
  });
});

