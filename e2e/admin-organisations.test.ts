import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('administrator manages organisations', () => {
  let browser: Browser;
  let page: Page;
  const name = unique('Opvang Zuid');

  const row = () => page.getByTestId('organisations-table').getByRole('row').filter({ hasText: name });

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.admin);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the organisations', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
    await page.getByTestId('organisations-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Organisaties');
    // Focus moves to the new page's heading after navigation.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByTestId('organisations-table').getByRole('row').count()).toBeGreaterThan(5);
    await expectNoAxeViolations(page, 'organisations page');
    await screenshot(page, 'admin-organisations');
  });

  it('shows problems next to the fields of the create form', async () => {
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    const nameField = page.getByLabel('Naam', { exact: true });
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Soort organisatie').getAttribute('aria-invalid')).toBe('true');

    // A problem only the server finds (names of one character are refused) appears at the field too.
    await nameField.fill('X');
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Opvang' });
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect.poll(async () => {
      const id = ((await nameField.getAttribute('aria-describedby')) ?? '').split(' ').at(-1);
      return id ? page.locator(`[id="${id}"]`).textContent() : '';
    }).toBe('Gebruik minstens 2 tekens.');
    await expectNoAxeViolations(page, 'organisation form with errors');
    await screenshot(page, 'admin-organisation-form-errors');
  });

  it('creates an organisation with a translated type', async () => {
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Opvang' });
    await page.getByLabel(/^Regio/).fill('Zeeland');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await row().waitFor();
    expect(await row().textContent()).toContain('Opvang');
    expect(await row().textContent()).toContain('Zeeland');
    expect(await row().textContent()).toContain('Actief');
    expect(await page.locator('.utrecht-alert--ok').textContent()).toContain(`Organisatie ${name} is aangemaakt.`);
  });

  it('changes its region', async () => {
    await row().getByRole('button', { name: `Wijzigen: ${name}` }).click();
    await page.getByLabel(/^Regio/).fill('Zeeland-West');
    await expectNoAxeViolations(page, 'organisation edit form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => row().textContent()).toContain('Zeeland-West');
  });

  it('asks for confirmation before deactivating, and deactivates', async () => {
    await row().getByRole('button', { name: `Deactiveren: ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toBe(`${name} deactiveren?`);
    await expectNoAxeViolations(page, 'deactivate confirmation dialog');
    await screenshot(page, 'admin-organisation-deactivate-dialog');

    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row().textContent()).toContain('Actief');

    await row().getByRole('button', { name: `Deactiveren: ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactiveren' }).click();
    await expect.poll(() => row().textContent()).toContain('Inactief');
    expect(await row().getByRole('button', { name: `Activeren: ${name}` }).count()).toBe(1);
  });
});
