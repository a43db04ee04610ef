import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, DEMO_PASSWORD } from './support/demo.ts';
import { waitForPath } from './support/session.ts';
import { freshTotpCode } from './support/totp.ts';

type Focused = { tag: string; text: string; id: string; outline: string; boxShadow: string };

const focused = (page: Page) =>
  page.evaluate((): Focused => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName, text: element.textContent?.trim() ?? '', id: element.id, outline: style.outlineStyle, boxShadow: style.boxShadow };
  });

describe('the keyboard alone is enough', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers a visible skip link first, which moves focus to the main content', async () => {
    await page.goto('/login');
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip).toMatchObject({ tag: 'A', text: 'Direct naar de inhoud' });
    expect(skip.outline).not.toBe('none');
    const box = await page.locator('.utrecht-skip-link').boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0); // on screen while focused
    await screenshot(page, 'skip-link-focused', { fullPage: false });
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');
  });

  it('signs in and navigates without a mouse, with a visible focus indicator', async () => {
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('INPUT');
    await page.keyboard.type(DEMO.admin);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await waitForPath(page, '/login/second-factor');
    await page.getByLabel('Code van 6 cijfers').waitFor();
    // Focus starts at the heading of the new step; the code field is next.
    await expect.poll(async () => (await focused(page)).text).toBe('Tweede stap: code invoeren');
    await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('INPUT');
    await page.keyboard.type(await freshTotpCode(DEMO.admin));
    await page.keyboard.press('Enter');
    await waitForPath(page, '/');
    // Focus lands on the home page's heading once it has rendered; tabbing starts from there.
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');

    // Tab to the "Gebruikers" link in the main navigation and follow it.
    // From the heading: the home page's area links and the footer, then around to the header and menu.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focused(page)).text === 'Gebruikers') break;
    }
    const link = await focused(page);
    expect(link).toMatchObject({ tag: 'A', text: 'Gebruikers' });
    expect(link.outline !== 'none' || link.boxShadow !== 'none').toBe(true);
    await screenshot(page, 'keyboard-focus-nav', { fullPage: false });
    await page.keyboard.press('Enter');
    await waitForPath(page, '/admin/users');
    // Focus lands on the new page's heading.
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'Gebruikers' });
  });

  it('opens and closes a confirmation dialog with the keyboard, returning focus', async () => {
    await page.getByTestId('users-table').waitFor();
    await page.getByRole('button', { name: /^Beheren: / }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Account blokkeren' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect((await focused(page)).tag).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Account blokkeren' });
  });
});
