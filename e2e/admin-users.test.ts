import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserThroughUi, openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('administrator manages users', () => {
  let browser: Browser;
  let page: Page;
  const tag = unique('jansen');
  const user = {
    email: `${tag}@example.org`,
    displayName: `Eva ${tag}`,
    organisation: 'Opvanghuis De Haven',
    role: 'Hulpverlener',
    password: 'Een-lang-wachtwoord-2026',
  };
  const table = () => page.getByTestId('users-table');
  const row = () => table().getByRole('row').filter({ hasText: user.email });

  async function search(q: string, organisation = 'Alle organisaties') {
    const filter = page.getByRole('search', { name: 'Gebruikers zoeken' });
    await filter.getByLabel('Organisatie').selectOption({ label: organisation });
    await filter.getByLabel('Zoeken op naam of e-mailadres').fill(q);
    await filter.getByRole('button', { name: 'Filteren' }).click();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.admin);
    await openArea(page, 'Gebruikers');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the users', async () => {
    await table().waitFor();
    expect(await table().textContent()).toContain(DEMO.registrar);
    await expectNoAxeViolations(page, 'users page');
    await screenshot(page, 'admin-users');
  });

  it('shows problems at the fields of the create form', async () => {
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    for (const label of ['E-mailadres', 'Naam', 'Organisatie', 'Rol', 'Eerste wachtwoord']) {
      expect(await form.getByLabel(label).getAttribute('aria-invalid'), label).toBe('true');
    }
    // The server's own checks appear at the field: an e-mail address already in use.
    await form.getByLabel('E-mailadres').fill(DEMO.registrar);
    await form.getByLabel('Naam').fill('Dubbel');
    await form.getByLabel('Organisatie').selectOption({ label: user.organisation });
    await form.getByLabel('Rol').selectOption({ label: user.role });
    await form.getByLabel('Eerste wachtwoord').fill(user.password);
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await form.getByText('Er bestaat al een gebruiker met dit e-mailadres.').waitFor();
    expect(await form.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'user form with errors');
    await screenshot(page, 'admin-user-form-errors');
    await form.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('creates a user', async () => {
    await createUserThroughUi(page, user);
    await search(tag);
    await expect.poll(() => page.getByTestId('users-count').textContent()).toBe('1 gebruiker gevonden.');
    const text = await row().textContent();
    expect(text).toContain(user.displayName);
    expect(text).toContain(user.organisation);
    expect(text).toContain('Hulpverlener');
    expect(text).toContain('Nooit');
  });

  it('filters by organisation', async () => {
    await search(tag, 'Politie – eenheid Rotterdam');
    await expect.poll(() => page.getByTestId('users-count').textContent()).toBe('0 gebruikers gevonden.');
    await search('', user.organisation);
    await expect.poll(() => row().count()).toBe(1);
    const organisations = await table().locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(organisations)).toEqual(new Set([user.organisation]));
  });

  it('changes the role and disables and re-enables the account', async () => {
    await row().getByRole('button', { name: `Beheren: ${user.displayName}` }).click();
    const panel = page.getByRole('region', { name: `Gebruiker beheren: ${user.displayName}` });
    await panel.getByLabel('Rol').selectOption({ label: 'Zorgcoördinator' });
    await expectNoAxeViolations(page, 'user edit panel');
    await screenshot(page, 'admin-user-edit');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => row().textContent()).toContain('Zorgcoördinator');

    await page.getByRole('button', { name: 'Account blokkeren' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Account blokkeren' }).click();
    await expect.poll(() => row().textContent()).toContain('Geblokkeerd');
    await page.getByRole('button', { name: 'Account deblokkeren' }).click();
    await expect.poll(() => row().textContent()).toContain('Actief');
  });
});
