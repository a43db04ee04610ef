import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserThroughUi, openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn, signOut, submitCredentials, waitForPath } from './support/session.ts';
import { freshTotpCode, wrongTotpCode } from './support/totp.ts';

const RECOVERY_CODE = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/;

describe('a new user sets up two-step verification at the first sign-in', () => {
  let browser: Browser;
  let page: Page;
  const tag = unique('bakker');
  const user = {
    email: `${tag}@example.org`,
    displayName: `Noor ${tag}`,
    organisation: 'Zorgcoördinatie regio Midden',
    role: 'Zorgcoördinator',
    password: 'Nieuw-wachtwoord-voor-Noor-1',
  };
  let secret = '';
  let recoveryCodes: string[] = [];

  const codes = async () => (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((code) => code.trim());

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is created by an administrator through the Users page', async () => {
    await signIn(page, DEMO.admin);
    await openArea(page, 'Gebruikers');
    await createUserThroughUi(page, user);
    await signOut(page);
  });

  it('is asked to set up an authenticator app after the password', async () => {
    await submitCredentials(page, user.email, user.password);
    await waitForPath(page, '/login/enrol');
    expect(await page.locator('h1').textContent()).toBe('Tweestapsverificatie instellen');
    await page.getByTestId('totp-secret').waitFor();
    expect(await page.getByRole('img', { name: /QR-code/ }).locator('svg').count()).toBe(1);
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page, 'enrolment page');
    await screenshot(page, 'enrol');
  });

  it('is refused a wrong code', async () => {
    await page.getByLabel('Code van 6 cijfers').fill(wrongTotpCode(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('De code klopt niet of is verlopen.').waitFor();
    expect(await page.getByLabel('Code van 6 cijfers').getAttribute('aria-invalid')).toBe('true');
  });

  it('confirms with a code from the app and sees the recovery codes once', async () => {
    await page.getByLabel('Code van 6 cijfers').fill(await freshTotpCode(user.email, secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    recoveryCodes = await codes();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    await expectNoAxeViolations(page, 'recovery codes after enrolment');
    await screenshot(page, 'enrol-recovery-codes');

    await page.getByRole('button', { name: 'Ik heb ze opgeslagen' }).click();
    await waitForPath(page, '/');
    await page.locator('h1', { hasText: `Welkom, ${user.displayName}` }).waitFor();
    expect(await page.locator('dl').textContent()).toContain(user.organisation);
  });

  it('cannot turn two-step verification off, because the role requires it', async () => {
    await page.getByRole('link', { name: 'Mijn account' }).first().click();
    await waitForPath(page, '/account');
    expect(await page.getByTestId('two-factor-status').textContent()).toContain('Ingeschakeld');
    const form = page.getByRole('form', { name: 'Tweestapsverificatie uitschakelen' });
    await form.getByLabel('Code van 6 cijfers').fill(await freshTotpCode(user.email, secret));
    await form.getByRole('button', { name: 'Uitschakelen' }).click();
    await form.getByRole('alert').filter({ hasText: 'Uw rol vereist tweestapsverificatie. U kunt die daarom niet uitschakelen.' }).waitFor();
    await expectNoAxeViolations(page, 'account page with the 409 message');
    await screenshot(page, 'account-2fa-required');
  });

  it('makes new recovery codes with a current code', async () => {
    const form = page.getByRole('form', { name: 'Nieuwe herstelcodes maken' });
    await form.getByLabel('Code van 6 cijfers').fill(await freshTotpCode(user.email, secret));
    await form.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    const fresh = await codes();
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => recoveryCodes.includes(code))).toEqual([]);
    recoveryCodes = fresh;
    await page.getByRole('button', { name: 'Ik heb ze opgeslagen' }).click();
  });

  it('signs in again with a recovery code instead of the app', async () => {
    await signOut(page);
    await submitCredentials(page, user.email, user.password);
    await waitForPath(page, '/login/second-factor');
    await page.getByRole('button', { name: /Gebruik een herstelcode/ }).click();
    await page.getByLabel('Herstelcode').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await waitForPath(page, '/');
    await page.locator('h1', { hasText: `Welkom, ${user.displayName}` }).waitFor();
  });
});
