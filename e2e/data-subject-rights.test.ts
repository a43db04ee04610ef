import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import path from 'node:path';
import { ARTIFACTS, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { navLinks, signIn } from './support/session.ts';

/**
 * The registrar exercises the person's rights on a demo case: both exports download, a correction
 * appears in the history, and the Retention page shows a dry run's report.
 */
describe('data-subject rights and retention', () => {
  let browser: Browser;
  let page: Page;
  let caseNumber = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.registrar);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a demo case and downloads the JSON export and the readable export', async () => {
    // The demo's Nguyen Van An, whose name the demo already corrected once.
    const caseId = await page.evaluate(async () => ((await (await fetch('/api/cases?q=Nguyen')).json()) as { items: { id: string }[] }).items[0]?.id);
    expect(caseId).toBeTruthy();
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('case-summary').waitFor();
    caseNumber = (await page.locator('h1').textContent())?.match(/NRM-\d{4}-[A-Z0-9]+/)?.[0] ?? '';
    expect(caseNumber).not.toBe('');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(json.suggestedFilename()).toBe(`${caseNumber}-export.json`);
    const data = JSON.parse(await fs.readFile((await json.path())!, 'utf8'));
    expect(data).toMatchObject({ format: 'baken-case-export', version: 1, case: { caseNumber } });
    expect(data.case.identity.name).toBe('Nguyễn Văn An');
    expect(data.corrections.some((c: { field: string; oldValue: string }) => c.field === 'name' && c.oldValue === 'Nguyen Van An')).toBe(true);
    expect(Array.isArray(data.accessLog)).toBe(true);

    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    expect(html.suggestedFilename()).toBe(`${caseNumber}-export-nl.html`);
    const document = await fs.readFile((await html.path())!, 'utf8');
    expect(document).toContain('<html lang="nl">');
    expect(document).toContain(caseNumber);
    expect(document).toContain('Wie het dossier heeft ingezien');
    expect(document).not.toMatch(/<script|\bsrc=|\bhref=/);
  });

  it('corrects the other names of the person and shows the correction in the history', async () => {
    const alias = unique('Anh');
    const form = page.getByTestId('correction-form');
    await form.getByLabel('Te corrigeren veld').selectOption('aliases');
    await form.getByLabel('Nieuwe waarde').fill(alias);
    await form.getByLabel('Reden van de correctie').fill('He told us the name his family uses.');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    const history = page.getByTestId('correction-history');
    await expect.poll(async () => (await history.textContent()) ?? '').toContain(alias);
    const row = history.getByRole('row').filter({ hasText: alias });
    expect(await row.textContent()).toContain('He told us the name his family uses.');
    expect(await history.textContent()).toContain('Nguyễn Văn An');
    // A no-op correction is refused with a clear message and the form keeps its input.
    await form.getByLabel('Te corrigeren veld').selectOption('aliases');
    await form.getByLabel('Reden van de correctie').fill('Again.');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await expect.poll(async () => (await form.textContent()) ?? '').toMatch(/niets te corrigeren/);
    await expectNoAxeViolations(page, 'case page with data-subject rights');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Rechten van de betrokkene' }) });
    await section.screenshot({ path: path.join(ARTIFACTS, 'data-subject-rights-section.png') });
    await screenshot(page, 'data-subject-rights-case', { fullPage: true });
  });

  it('shows Retention in the navigation, does a dry run and shows its report', async () => {
    expect(await navLinks(page)).toContain('Bewaartermijnen');
    await openArea(page, 'Bewaartermijnen');
    await page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' }).waitFor();
    await page.getByTestId('retention-runs').waitFor(); // the demo's dry run is listed
    const before = await page.getByTestId('retention-run').count();
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('retention-dry-run').click();
    const latest = page.getByTestId('retention-latest');
    await latest.waitFor();
    expect(await latest.textContent()).toMatch(/Er is niets veranderd/);
    await expect.poll(() => page.getByTestId('retention-run').count()).toBe(before + 1);
    // The real run asks for confirmation first; cancelling changes nothing.
    await page.getByRole('button', { name: 'Nu uitvoeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nu verwijderen en anonimiseren?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'retention confirmation dialog');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByTestId('retention-run').first().locator('summary').click();
    await expectNoAxeViolations(page, 'retention page');
    await screenshot(page, 'retention', { fullPage: true });
  });
});
