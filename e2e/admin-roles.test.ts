import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('administrator manages roles and their grants', () => {
  let browser: Browser;
  let page: Page;
  const id = unique('e2e-role');
  const name = `Regiecoördinator ${id.slice(-6)}`;
  const row = () => page.getByTestId('roles-table').locator(`tr[data-role-id="${id}"]`);
  const grantsOfRow = async () => (await row().locator('td:nth-child(4) li').allTextContents()).sort();
  const matrix = () => page.getByTestId('grants-matrix');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.admin);
    await openArea(page, 'Rollen');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the built-in roles with their scope and grants', async () => {
    await page.getByTestId('roles-table').waitFor();
    const admin = page.getByTestId('roles-table').locator('tr[data-role-id="administrator"]');
    expect(await admin.textContent()).toContain('Beheerder');
    expect(await admin.textContent()).toContain('Alle dossiers');
    expect(await admin.locator('li').allTextContents()).toContain('Gebruikers: Lijst, Inzien, Aanmaken, Wijzigen');
    await expectNoAxeViolations(page, 'roles page');
    await screenshot(page, 'admin-roles');
  });

  it('creates a custom role with grants chosen in the matrix', async () => {
    await page.getByRole('button', { name: 'Nieuwe rol' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe rol' });
    await form.getByLabel('Code').fill(id);
    await form.getByLabel('Naam', { exact: true }).fill(name);
    await form.getByLabel('Bereik').selectOption({ label: 'Toegewezen dossiers' });
    await matrix().getByLabel('Organisaties: Lijst').check();
    await matrix().getByLabel('Organisaties: Inzien').check();
    await expectNoAxeViolations(page, 'new-role form with grants matrix');
    await screenshot(page, 'admin-role-create');
    await form.getByRole('button', { name: 'Rol aanmaken' }).click();
    await row().waitFor();
    expect(await row().textContent()).toContain('Eigen rol');
    expect(await row().textContent()).toContain('Toegewezen dossiers');
    expect(await grantsOfRow()).toEqual(['Organisaties: Lijst, Inzien']);
  });

  it('refuses a second role with the same code, at the code field', async () => {
    await page.getByRole('button', { name: 'Nieuwe rol' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe rol' });
    await form.getByLabel('Code').fill(id);
    await form.getByLabel('Naam', { exact: true }).fill('Dubbel');
    await form.getByLabel('Bereik').selectOption({ label: 'Eigen dossiers' });
    await form.getByRole('button', { name: 'Rol aanmaken' }).click();
    await form.getByText('Er bestaat al een rol met deze code.').waitFor();
    expect(await form.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  it("edits the role's grants", async () => {
    await row().getByRole('button', { name: `Wijzigen: ${name}` }).click();
    const form = page.getByRole('form', { name: `Rol wijzigen: ${name}` });
    expect(await matrix().getByLabel('Organisaties: Lijst').isChecked()).toBe(true);
    expect(await matrix().getByLabel('Organisaties: Inzien').isChecked()).toBe(true);
    await matrix().getByLabel('Organisaties: Inzien').uncheck();
    await matrix().getByLabel('Audittrail: Lijst').check();
    await matrix().getByLabel('Gebruikers: Lijst').check();
    await screenshot(page, 'admin-role-edit');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('.utrecht-alert--ok', { hasText: 'is gewijzigd' }).waitFor();
    // The list refetches after the save; wait for it rather than reading the previous rows.
    await expect.poll(grantsOfRow).toEqual(['Audittrail: Lijst', 'Gebruikers: Lijst', 'Organisaties: Lijst']);

    // Reopening shows the saved state (from the server, after a reload).
    await page.reload();
    await row().getByRole('button', { name: `Wijzigen: ${name}` }).click();
    expect(await matrix().getByLabel('Organisaties: Inzien').isChecked()).toBe(false);
    expect(await matrix().getByLabel('Audittrail: Lijst').isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'edit-role form');
  });
});
