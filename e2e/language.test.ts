import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { navLinks, signIn, waitForPath } from './support/session.ts';

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = (page: Page) => page.locator('h1').textContent();

describe('switching between Dutch and English', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts in Dutch and switches the sign-in page to English', async () => {
    await page.goto('/login');
    expect(await htmlLang(page)).toBe('nl');
    expect(await heading(page)).toBe('Inloggen');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page)).toBe('Sign in');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByLabel('E-mail address').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.title()).toBe('Sign in – Baken');
    await expectNoAxeViolations(page, 'sign-in page in English');
    await screenshot(page, 'sign-in-en');
  });

  it('remembers the choice on this device', async () => {
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Sign in');
    expect(await htmlLang(page)).toBe('en');
  });

  it('carries the choice made before signing in into the account', async () => {
    await signIn(page, DEMO.firstResponder, {});
    expect(await heading(page)).toMatch(/^Welcome, /);
    expect(await navLinks(page)).toEqual(['Home', 'Report a signal', 'My signals']);
    await expectNoAxeViolations(page, 'home page in English');
    await screenshot(page, 'home-en');
  });

  it('switches back to Dutch while signed in and keeps that on the account', async () => {
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => heading(page)).toMatch(/^Welkom, /);
    expect(await htmlLang(page)).toBe('nl');
    expect(await navLinks(page)).toEqual(['Start', 'Signaal melden', 'Mijn signalen']);

    // Another device with English stored locally gets the account's language after signing in.
    const other = await newPage(browser);
    await other.goto('/login');
    await other.evaluate(() => localStorage.setItem('baken.locale', 'en'));
    await other.reload();
    await expect.poll(() => heading(other)).toBe('Sign in');
    await signIn(other, DEMO.firstResponder);
    await expect.poll(() => heading(other)).toMatch(/^Welkom, /);
    expect(await htmlLang(other)).toBe('nl');
    await other.context().close();
  });

  it('keeps the language after signing out', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await waitForPath(page, '/login');
    expect(await heading(page)).toBe('Inloggen');
    expect(await htmlLang(page)).toBe('nl');
  });
});
