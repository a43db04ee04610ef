import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

/**
 * Identification on the Dutch profile: the registrar asks the advisory committee for an assessment,
 * records its negative advice with reasons, and asks for reconsideration, whose own clock appears in
 * the case's clocks. The demo case of "Ion Popa" has no identification yet.
 */
describe('identification decisions and reconsideration', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.registrar);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('requests identification, records a negative advice, and a reconsideration starts its own clock', async () => {
    const found = await page.request.get('/api/cases?q=Popa');
    expect(found.status()).toBe(200);
    const caseId = ((await found.json()) as { items: { id: string }[] }).items[0]!.id;
    await page.goto(`/cases/${caseId}`);
    await page.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();

    const section = page.getByRole('region', { name: 'Identificatie' });
    await section.getByTestId('identification-empty').waitFor();
    expect(await section.getByTestId('victim-status').textContent()).toContain('nog geen besluit');

    await section.getByTestId('open-identification-request').click();
    const request = section.getByTestId('identification-request-form');
    await request.waitFor();
    expect(await request.getByLabel('Stap').inputValue()).toBe('multidisciplinary-assessment');
    expect(await request.getByTestId('identification-organisation').textContent()).toContain('Identificatiecommissie Mensenhandel');
    await request.getByRole('button', { name: 'Identificatie aanvragen' }).click();
    await section.getByTestId('identification-notice').waitFor();
    const procedure = section.getByTestId('identification-procedure');
    await procedure.waitFor();
    expect(await procedure.textContent()).toContain('Wacht op besluit');
    expect(await procedure.getByTestId('procedure-clock').textContent()).toContain('Advies adviescommissie');

    // The decision form: the server's problem with a future date is shown at the date field.
    await procedure.getByTestId('open-decision-form').click();
    const form = procedure.getByTestId('decision-form');
    await form.getByLabel('Uitkomst').selectOption('no-indications');
    await form.getByLabel('Datum besluit').fill('2099-01-01');
    await form.getByLabel('Motivering').fill('Het relaas is niet consistent; geen aanwijzingen voor controle door derden.');
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const dateError = form.locator('.utrecht-form-field--invalid', { has: page.getByLabel('Datum besluit') });
    await dateError.locator('.utrecht-form-field-error-message').waitFor();
    expect(await dateError.textContent()).toContain('future');
    await expectNoAxeViolations(page, 'case page with a decision form showing a server problem');

    await form.getByLabel('Datum besluit').fill(new Date().toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => section.getByTestId('identification-notice').textContent()).toBe('Het besluit is vastgelegd.');
    await expect.poll(() => procedure.getByTestId('decision-outcome').first().textContent()).toBe('Geen signalen van mensenhandel');
    expect(await procedure.getByTestId('decision-reasons').first().textContent()).toContain('niet consistent');
    await expect.poll(() => section.getByTestId('victim-status').textContent()).toContain('Geen signalen van mensenhandel');

    // Reconsideration: its own clock ("Besluit op heroverweging") appears in the case's clocks.
    await procedure.getByTestId('request-review').click();
    await expect.poll(() => section.getByTestId('identification-notice').textContent()).toBe('Heroverweging is aangevraagd.');
    await expect.poll(() => procedure.textContent()).toContain('Wacht op besluit op heroverweging of beroep');
    const clocks = page.getByTestId('case-clocks');
    await expect.poll(() => clocks.textContent()).toContain('Besluit op heroverweging');
    const row = clocks.getByTestId('case-clock-row').filter({ hasText: 'Besluit op heroverweging' });
    expect(await row.textContent()).toContain('Loopt');
    expect(await procedure.getByTestId('procedure-clock').textContent()).toContain('Besluit op heroverweging');

    await expectNoAxeViolations(page, 'case page with identification and a pending reconsideration');
    await screenshot(page, 'identification-reconsideration', { fullPage: true });
  });

  it("lets the deciding body find the case, decide, and says that its access ends with the decision", async () => {
    const bodyPage = await newPage(browser);
    try {
      await signIn(bodyPage, DEMO.identificationBody);
      // The open procedure puts the case on the body's list; its access includes the name.
      const found = await bodyPage.request.get('/api/cases?q=Haddad');
      expect(found.status()).toBe(200);
      const items = ((await found.json()) as { items: { id: string }[] }).items;
      expect(items).toHaveLength(1);
      await bodyPage.goto(`/cases/${items[0]!.id}`);
      await bodyPage.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();
      const section = bodyPage.getByRole('region', { name: 'Identificatie' });
      const procedure = section.getByTestId('identification-procedure');
      await procedure.getByTestId('open-decision-form').click();
      const form = procedure.getByTestId('decision-form');
      await form.getByLabel('Uitkomst').selectOption('indications-confirmed');
      await form.getByLabel('Datum besluit').fill(new Date().toISOString().slice(0, 10));
      await form.getByLabel('Motivering').fill('Consistent relaas; schuld en bedreiging bevestigd door de opvang.');
      await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
      // Not a "not found" page: the notice says the access has ended, with the way back.
      await expect.poll(() => section.getByTestId('identification-notice').textContent()).toContain('Uw toegang tot deze zaak eindigt hiermee');
      expect(await bodyPage.locator('h1').textContent()).toMatch(/^Zaak NRM-/);
      await expectNoAxeViolations(bodyPage, 'case page after the body decided');
      await section.getByRole('link', { name: 'Terug naar zaken' }).click();
      await bodyPage.waitForURL((url) => url.pathname === '/cases');
      const after = await bodyPage.request.get('/api/cases?q=Haddad');
      expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
    } finally {
      await bodyPage.context().close();
    }
  });

  it('shows a pending reconsideration in English, too', async () => {
    const found = await page.request.get('/api/cases?q=Kovalenko');
    const caseId = ((await found.json()) as { items: { id: string }[] }).items[0]!.id;
    await page.goto(`/cases/${caseId}`);
    await page.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    try {
      const section = page.getByRole('region', { name: 'Identification' });
      const procedure = section.getByTestId('identification-procedure');
      await expect.poll(() => procedure.textContent()).toContain('Awaiting the reconsideration or appeal decision');
      expect(await section.getByTestId('victim-status').textContent()).toContain('No indications of trafficking');
      expect(await procedure.getByTestId('procedure-clock').textContent()).toContain('Reconsideration decision');
      await expectNoAxeViolations(page, 'case page with identification in English');
    } finally {
      // The language is a user preference: leave the shared demo registrar in Dutch.
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();
    }
  });
});
