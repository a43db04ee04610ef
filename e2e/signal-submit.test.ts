import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import statusTexts from '../web/src/i18n/sections/intake.nl.json';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('a first responder submits a signal', () => {
  let browser: Browser;
  let page: Page;
  const form = () => page.getByRole('form', { name: 'Signaal melden' });
  const translatedStatuses = Object.values(statusTexts.signalStatus);

  /** Fills the form with a minimal but realistic signal; `tag` makes its description unique. */
  async function fillSignal(tag: string) {
    await form().getByLabel(/^Naam/).fill(`Maria ${tag}`);
    await form().getByLabel('Geschatte leeftijd (in jaren)').fill('17');
    await form().getByLabel('Vermoedelijk minderjarig').check();
    await form().getByLabel('Er is (mogelijk) een minderjarige bij betrokken').check();
    await form().getByRole('group', { name: 'Werving' }).getByLabel('Misleidend aanbod van werk of opleiding').check();
    await form().getByRole('group', { name: 'Vorm(en) van uitbuiting' }).getByLabel('Arbeidsuitbuiting (gedwongen arbeid of diensten)').check();
    await form().getByLabel('Regio').selectOption({ label: 'Politie-eenheid Rotterdam' });
    await form().getByLabel(/^Plaats/).fill('Rotterdam');
    await form().getByLabel('Beschrijving').fill(`Jonge vrouw werkt lange dagen in een nagelsalon en lijkt geen eigen geld te hebben (${tag}).`);
    await form().getByRole('radio', { name: 'Toestemming van de persoon' }).check();
    await form().getByLabel(/^Ik bevestig dat de persoon toestemming heeft gegeven/).check();
  }

  async function signalNumbers(): Promise<string[]> {
    const table = page.getByTestId('my-signals-table');
    return (await table.count()) > 0 ? (await table.locator('tbody th').allTextContents()).map((text) => text.trim()) : [];
  }

  /** Opens My signals and returns the numbers listed, once the list shows `expected` of them (if given). */
  async function mySignals(expected?: number): Promise<{ count: number; numbers: string[] }> {
    await openArea(page, 'Mijn signalen');
    await page.getByTestId('my-signals-count').waitFor();
    if (expected !== undefined) await expect.poll(async () => (await signalNumbers()).length).toBe(expected);
    const numbers = await signalNumbers();
    return { count: numbers.length, numbers };
  }

  async function openForm() {
    await openArea(page, 'Signaal melden');
    await form().waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.firstResponder);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the form with the indicators of the profile', async () => {
    await openForm();
    await form().getByRole('group', { name: 'Werving' }).waitFor();
    expect(await form().getByRole('group', { name: 'Werving' }).getByRole('checkbox').count()).toBeGreaterThan(0);
    // Acute danger: the page says to call 112 at once.
    await form().getByLabel('Er is nu acuut gevaar').check();
    await page.getByTestId('call-112').getByText('Bel nu 112.').waitFor();
    await expectNoAxeViolations(page, 'signal form');
    await screenshot(page, 'signal-form');
    await form().getByLabel('Er is nu acuut gevaar').uncheck();
    expect(await page.getByTestId('call-112').count()).toBe(0);
  });

  it('shows what is missing at the fields', async () => {
    await form().getByRole('button', { name: 'Signaal versturen' }).click();
    expect(await form().getByLabel('Beschrijving').getAttribute('aria-invalid')).toBe('true');
    await form().getByText('Kies op welke grond u de gegevens deelt.').waitFor();
    // Consent must be confirmed once it is chosen.
    await form().getByRole('radio', { name: 'Toestemming van de persoon' }).check();
    await form().getByRole('button', { name: 'Signaal versturen' }).click();
    await form().getByText('Bevestig dat de persoon toestemming heeft gegeven, of kies een andere grondslag.').waitFor();
    await expectNoAxeViolations(page, 'signal form with errors');
  });

  it('shows problems found by the server at the fields', async () => {
    await openForm();
    await fillSignal(unique('p'));
    // A code the profile does not know (as from an outdated form): the server names the field.
    await page.route('**/api/signals', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, sector: 'no-such-sector' }) });
    });
    try {
      await form().getByRole('button', { name: 'Signaal versturen' }).click();
      await expect.poll(() => form().getByLabel(/^Sector/).getAttribute('aria-invalid')).toBe('true');
      const described = (await form().getByLabel(/^Sector/).getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${described.split(' ').pop()}"]`).textContent();
      expect(message).toContain('no-such-sector');
      await expectNoAxeViolations(page, 'signal form with a server problem');
    } finally {
      await page.unroute('**/api/signals');
    }
  });

  it('submits a signal, shows its number and lists it under My signals', async () => {
    const before = await mySignals();
    await openForm();
    await fillSignal(unique('s'));
    await form().getByRole('button', { name: 'Signaal versturen' }).click();
    const confirmation = page.getByTestId('signal-confirmation');
    await confirmation.waitFor();
    const number = (await page.getByTestId('signal-number').textContent())?.trim() ?? '';
    expect(number).not.toBe('');
    await page.locator('h1', { hasText: 'Signaal ontvangen' }).waitFor();
    await expectNoAxeViolations(page, 'signal confirmation');
    await screenshot(page, 'signal-confirmation');

    const after = await mySignals(before.count + 1);
    expect(after.count).toBe(before.count + 1);
    expect(after.numbers.filter((n) => n === number)).toHaveLength(1);
    const row = page.getByTestId('my-signals-table').getByRole('row').filter({ hasText: number });
    const status = (await row.locator('td').last().textContent())?.trim() ?? '';
    expect(translatedStatuses).toContain(status);
    await expectNoAxeViolations(page, 'my signals');
    await screenshot(page, 'my-signals');
  });

  it('a double click on send creates one signal', async () => {
    const before = await mySignals();
    await openForm();
    await fillSignal(unique('d'));
    await form().getByRole('button', { name: 'Signaal versturen' }).dblclick();
    await page.getByTestId('signal-confirmation').waitFor();
    const number = (await page.getByTestId('signal-number').textContent())?.trim() ?? '';
    const after = await mySignals(before.count + 1);
    expect(after.count).toBe(before.count + 1);
    expect(after.numbers.filter((n) => n === number)).toHaveLength(1);
  });

  it('sending again after a lost answer creates one signal', async () => {
    const before = await mySignals();
    await openForm();
    await fillSignal(unique('r'));
    // The server receives the first request but its answer never reaches the browser.
    let delivered = 0;
    await page.route('**/api/signals', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      delivered += 1;
      await route.abort('connectionreset');
    });
    await form().getByRole('button', { name: 'Signaal versturen' }).click();
    await page.getByText('De server is niet bereikbaar.', { exact: false }).waitFor();
    expect(delivered).toBe(1);
    await page.unroute('**/api/signals');
    await form().getByRole('button', { name: 'Signaal versturen' }).click();
    await page.getByTestId('signal-confirmation').waitFor();
    const number = (await page.getByTestId('signal-number').textContent())?.trim() ?? '';
    const after = await mySignals(before.count + 1);
    expect(after.count).toBe(before.count + 1);
    expect(after.numbers.filter((n) => n === number)).toHaveLength(1);
  });
});
