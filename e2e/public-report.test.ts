import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { unique } from './support/demo.ts';

const CODE = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/;

describe('reporting without an account', () => {
  let browser: Browser;
  let page: Page;
  let tipCode = '';

  async function referenceCode(target: Page): Promise<string> {
    const code = target.getByTestId('reference-code');
    await code.waitFor({ timeout: 60_000 });
    return (await code.textContent())?.trim() ?? '';
  }

  /** Nothing the person typed is kept in the browser's storage. */
  async function expectNothingStored(target: Page, text: string) {
    const stored = await target.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(stored).not.toContain(text);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page links to the public report', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: 'Melden zonder account' }).click();
    await page.waitForURL((url) => url.pathname === '/report');
    await page.locator('h1', { hasText: 'Iets melden' }).waitFor();
    // The way out replaces this page with a neutral site.
    expect(await page.getByRole('link', { name: 'Snel deze pagina verlaten' }).getAttribute('href')).toBe('https://www.google.com/');
    await page.getByText('Wat je hier invult, wordt niet op dit apparaat bewaard.', { exact: false }).waitFor();
    // The honeypot is out of reach for people: hidden, not in the tab order, no autofill.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await honeypot.evaluate((input) => input.closest('[aria-hidden="true"]') !== null)).toBe(true);
    await expectNoAxeViolations(page, 'public report page (nl)');
  });

  it('sends an anonymous tip in English and gets a reference code', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Report something' }).waitFor();
    // Someone reading over the person's shoulder learns nothing from the frame or the page.
    const visible = (await page.locator('body').innerText()).toLowerCase();
    for (const word of ['trafficking', 'mensenhandel', 'exploitation', 'victim']) expect(visible).not.toContain(word);
    await expectNoAxeViolations(page, 'public report page (en)');
    const message = `A neighbour's teenage son works nights in a car wash and seems afraid to talk (${unique('tip')}).`;
    await page.getByRole('radio', { name: 'About someone else' }).check();
    // Danger now: the page says to call 112 first.
    await page.getByLabel('Someone is in danger right now').check();
    await page.getByTestId('public-call-112').getByText('Call 112 now.').waitFor();
    await page.getByLabel('Someone is in danger right now').uncheck();
    await page.getByLabel('What would you like to tell us?').fill(message);
    await page.getByLabel(/^Place/).fill('Utrecht');
    await page.getByLabel(/^Work or kind of work/).fill('Car wash');
    // Slow the challenge down a little so the progress text can be seen.
    await page.route('**/api/public/challenge', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('checking').getByText('Checking your browser…').waitFor();
    tipCode = await referenceCode(page);
    await page.unroute('**/api/public/challenge');
    expect(tipCode).toMatch(CODE);
    await page.getByText('Write this code down and keep it somewhere safe.', { exact: false }).waitFor();
    await expectNothingStored(page, message);
    await expectNoAxeViolations(page, 'public report received (en)');
    await screenshot(page, 'public-report-received-en');
  });

  it('sends a self-report in Dutch and adds information with the code', async () => {
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto('/report');
    await page.locator('h1', { hasText: 'Iets melden' }).waitFor();
    const message = `Ik moet elke dag werken en mijn paspoort is afgepakt (${unique('self')}).`;
    await page.getByRole('radio', { name: 'Over mezelf' }).check();
    await page.getByLabel('Wat wil je ons vertellen over wat er met jou gebeurt?').fill(message);
    await page.getByLabel(/^Je leeftijd/).fill('19');
    await page.getByRole('radio', { name: 'Ja, via de telefoon' }).check();
    await page.getByLabel('Telefoonnummer').fill('+31 6 12345678');
    await page.getByLabel(/^Wanneer is het veilig\?/).fill('Doordeweeks tussen 10 en 12 uur, alleen sms');
    await expectNoAxeViolations(page, 'public self-report form');
    await page.getByRole('button', { name: 'Versturen' }).click();
    const code = await referenceCode(page);
    expect(code).toMatch(CODE);
    expect(code).not.toBe(tipCode);
    await page.getByText('Schrijf deze code op en bewaar hem op een veilige plek.', { exact: false }).waitFor();
    await expectNothingStored(page, message);
    await expectNoAxeViolations(page, 'public report received (nl)');
    await screenshot(page, 'public-report-received-nl');

    await page.getByRole('link', { name: 'Later iets toevoegen aan je melding' }).click();
    await page.waitForURL((url) => url.pathname === '/report/follow-up');
    await page.locator('h1', { hasText: 'Iets toevoegen aan je melding' }).waitFor();
    await expectNoAxeViolations(page, 'follow-up page');
    // Typed in lower case with spaces: the page tidies the code up.
    await page.getByLabel('Je code').fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByLabel('Wat wil je toevoegen?').fill('Het adres van het werk is in de haven.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByTestId('follow-up-received').getByText('Ontvangen. Dank je wel.').waitFor({ timeout: 60_000 });
    await expectNoAxeViolations(page, 'follow-up received');
    await screenshot(page, 'public-follow-up-received');
  });

  it('says when a code is not recognised', async () => {
    await page.getByRole('button', { name: 'Nog iets toevoegen' }).click();
    await page.getByLabel('Je code').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByLabel('Wat wil je toevoegen?').fill('Nog een aanvulling.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    const form = page.getByRole('form', { name: 'Iets toevoegen aan je melding' });
    await form.getByText('Deze code herkennen we niet.', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Je code').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'follow-up with an unknown code');
  });

  it('refuses a report with the honeypot filled in', async () => {
    await page.goto('/report');
    await page.getByRole('radio', { name: 'Over iemand anders' }).check();
    await page.getByLabel('Wat wil je ons vertellen?').fill('Koop goedkope horloges!');
    await page.locator('input[name="website"]').fill('https://spam.example', { force: true });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Je melding kon niet worden verstuurd.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('reference-code').count()).toBe(0);
  });

  it('works on a phone', async () => {
    const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await phone.goto('/report');
      await phone.locator('h1', { hasText: 'Iets melden' }).waitFor();
      // One column: nothing sticks out sideways.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const send = await phone.getByRole('button', { name: 'Versturen' }).boundingBox();
      expect(send?.height ?? 0).toBeGreaterThanOrEqual(44);
      const exit = await phone.getByRole('link', { name: 'Snel deze pagina verlaten' }).boundingBox();
      expect(exit?.height ?? 0).toBeGreaterThanOrEqual(44);
      await expectNoAxeViolations(phone, 'public report page on a phone');
      await screenshot(phone, 'public-report-phone');

      await phone.getByRole('radio', { name: 'Over iemand anders' }).tap();
      await phone.getByLabel('Wat wil je ons vertellen?').fill(`Meisje in een massagesalon lijkt jonger dan 16 (${unique('phone')}).`);
      await phone.getByRole('button', { name: 'Versturen' }).tap();
      expect(await referenceCode(phone)).toMatch(CODE);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(phone, 'public report received on a phone');
      await screenshot(phone, 'public-report-phone-received');

      await phone.getByRole('link', { name: 'Later iets toevoegen aan je melding' }).tap();
      await phone.locator('h1', { hasText: 'Iets toevoegen aan je melding' }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(phone, 'follow-up page on a phone');
    } finally {
      await phone.context().close();
    }
  });
});
