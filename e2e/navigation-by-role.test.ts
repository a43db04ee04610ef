import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { navLinks, signIn } from './support/session.ts';

const ADMIN_ONLY = ['Gebruikers', 'Rollen', 'Audittrail', 'Achtergrondtaken'];

describe('navigation follows the grants of the role', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the administrator every administration area', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.admin);
    expect(await navLinks(page)).toEqual(['Start', 'Organisaties', 'Gebruikers', 'Rollen', 'Audittrail', 'Achtergrondtaken', 'Bewaartermijnen', 'Advertentiebronnen']);
    const areas = await page.getByTestId('areas').getByRole('link').allTextContents();
    expect(areas).toEqual(['Organisaties beheren', 'Gebruikers beheren', 'Rollen en rechten', 'Audittrail', 'Achtergrondtaken', 'Bewaartermijnen', 'Advertentiebronnen']);
    expect(await page.locator('dl').textContent()).toContain('Beheerder');
    await expectNoAxeViolations(page, 'home page (administrator)');
    await screenshot(page, 'home-admin');
    await page.context().close();
  });

  it('shows the registrar no user, role or audit administration, and refuses those pages', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.registrar);
    const links = await navLinks(page);
    expect(links[0]).toBe('Start');
    for (const name of ADMIN_ONLY) expect(links).not.toContain(name);

    await page.goto('/admin/users');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Geen toegang');
    await expectNoAxeViolations(page, 'no-access page');
    await screenshot(page, 'no-access');
    await page.context().close();
  });

  it('shows the outreach worker signal reporting and the outreach work, nothing of case work', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.outreachWorker);
    expect(await navLinks(page)).toEqual(['Start', 'Signaal melden', 'Mijn signalen', 'Werklijst', 'Contacten vandaag', 'Contacten', 'Berichtsjablonen', 'Advertenties importeren', 'Trechter outreach']);
    const areas = await page.getByTestId('areas').getByRole('link').allTextContents();
    expect(areas).toEqual(['Signaal melden', 'Mijn signalen', 'Werklijst outreach', 'Contactlijst van vandaag', 'Contacten en opvolging', 'Berichtsjablonen', 'Advertenties importeren', 'Trechter outreach']);
    await expectNoAxeViolations(page, 'home page of the outreach worker');
    await screenshot(page, 'home-outreach-worker');
    await page.context().close();
  });

  it('shows a "not found" page for unknown addresses', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.goto('/does-not-exist');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Pagina niet gevonden');
    await expectNoAxeViolations(page, 'not-found page');
    await page.context().close();
  });
});
