import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './demo.ts';
import { freshTotpCode } from './totp.ts';

export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** Fills the sign-in form (in either language) and submits it. */
export async function submitCredentials(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel(/^(E-mailadres|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
}

/** Enters a code on the second-factor page (in either language). */
export async function submitSecondFactor(page: Page, code: string): Promise<void> {
  await page.getByLabel(/^(Code van 6 cijfers|6-digit code)$/).fill(code);
  await page.getByRole('button', { name: /^(Controleren|Verify)$/ }).click();
}

/**
 * Signs a demo (or other pre-enrolled) user in through the UI, with a fresh TOTP code when the
 * account asks for one, and waits for the home page.
 */
export async function signIn(page: Page, email: string, options: { password?: string; totpSecret?: string } = {}): Promise<void> {
  await page.goto('/login');
  await submitCredentials(page, email, options.password);
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname === '/login/second-factor') {
    await submitSecondFactor(page, await freshTotpCode(email, options.totpSecret));
  }
  await waitForPath(page, '/');
  await page.locator('h1', { hasText: /^(Welkom|Welcome), / }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Uitloggen|Sign out)$/ }).click();
  await waitForPath(page, '/login');
}

/** The link texts in the main navigation. */
export async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}
