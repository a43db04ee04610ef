import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { submitCredentials, submitSecondFactor, waitForPath } from './support/session.ts';
import { freshTotpCode, wrongTotpCode } from './support/totp.ts';

describe('signing in with e-mail, password and an authenticator code', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    await page.goto('/account');
    await waitForPath(page, '/login');
    expect(await page.locator('h1').textContent()).toBe('Inloggen');
    expect(await page.title()).toBe('Inloggen – Baken');
    await expectNoAxeViolations(page, 'sign-in page');
    await screenshot(page, 'sign-in');
  });

  it('ties "required" messages to the empty fields', async () => {
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const email = page.getByLabel('E-mailadres');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toBe('Vul E-mailadres in.');
    await expectNoAxeViolations(page, 'sign-in page with field errors');
  });

  it('refuses a wrong password with a visible message', async () => {
    await submitCredentials(page, DEMO.registrar, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('asks for the second factor and refuses a wrong code with a message at the field', async () => {
    await submitCredentials(page, DEMO.registrar);
    await waitForPath(page, '/login/second-factor');
    expect(await page.locator('h1').textContent()).toBe('Tweede stap: code invoeren');
    await expectNoAxeViolations(page, 'second-factor page');
    await screenshot(page, 'second-factor');

    await submitSecondFactor(page, wrongTotpCode());
    const field = page.getByLabel('Code van 6 cijfers');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').at(-1);
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('De code klopt niet of is verlopen.');
    expect(new URL(page.url()).pathname).toBe('/login/second-factor');
    await expectNoAxeViolations(page, 'second-factor page with a wrong code');
    await screenshot(page, 'second-factor-wrong-code');
  });

  it('offers a recovery code instead', async () => {
    await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
    await page.getByLabel('Herstelcode').waitFor();
    await expectNoAxeViolations(page, 'recovery-code form');
    await screenshot(page, 'second-factor-recovery');
    await page.getByRole('button', { name: 'Toch een code uit de app gebruiken' }).click();
  });

  it('accepts the current code and returns to the page asked for before signing in', async () => {
    await submitSecondFactor(page, await freshTotpCode(DEMO.registrar));
    await waitForPath(page, '/account');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mijn account');
  });

  it('shows the home page with organisation and role', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).click();
    await waitForPath(page, '/');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Welkom, /);
    const facts = await page.locator('dl').textContent();
    expect(facts).toContain('Organisatie');
    expect(facts).toContain('Registrator');
    await expectNoAxeViolations(page, 'home page (registrar)');
    await screenshot(page, 'home-registrar');
  });

  it('signs out and then no longer opens pages that need a sign-in', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPath(page, '/login');
    await page.goto('/');
    await waitForPath(page, '/login');
  });

  it('lets a role without a second factor in with the password alone', async () => {
    await submitCredentials(page, DEMO.analyst);
    await waitForPath(page, '/');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Welkom, /);
    await expectNoAxeViolations(page, 'home page (analyst)');
  });
});
