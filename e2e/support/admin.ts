import type { Page } from 'playwright-core';

export type NewUser = { email: string; displayName: string; organisation: string; role: string; password: string };

/** Opens an admin area through the main navigation and waits for its heading. */
export async function openArea(page: Page, linkName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: linkName, exact: true }).click();
  await page.locator('h1', { hasText: linkName }).waitFor();
}

/** Creates a user through the "New user" form of the Users page (which must be open). */
export async function createUserThroughUi(page: Page, user: NewUser): Promise<void> {
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
  await form.getByLabel('E-mailadres').fill(user.email);
  await form.getByLabel('Naam').fill(user.displayName);
  await form.getByLabel('Organisatie').selectOption({ label: user.organisation });
  await form.getByLabel('Rol').selectOption({ label: user.role });
  await form.getByLabel('Eerste wachtwoord').fill(user.password);
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await page.locator('.utrecht-alert--ok', { hasText: `Gebruiker ${user.displayName} is aangemaakt.` }).waitFor();
}
