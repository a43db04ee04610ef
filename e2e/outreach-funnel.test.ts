import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { navLinks, signIn } from './support/session.ts';

const STAGES = ['Advertenties gezien', 'Nieuwe clusters', 'Personen benaderd', 'Gereageerd', 'Gesprek', 'Overgedragen', 'Geregistreerd als vermoedelijk slachtoffer'];

/** Opens the funnel through the main navigation and waits for the chart and its table. */
async function openFunnel(page: Page): Promise<void> {
  expect(await navLinks(page)).toContain('Trechter outreach');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trechter outreach', exact: true }).click();
  await page.locator('h1', { hasText: 'Trechter outreach' }).waitFor();
  await page.getByTestId('funnel-chart').waitFor();
  await page.getByTestId('funnel-table').waitFor();
}

/** The period totals as the table shows them, by stage. */
async function totals(page: Page): Promise<Record<string, string>> {
  const headers = (await page.getByTestId('funnel-table').locator('thead th').allTextContents()).slice(1);
  const cells = await page.getByTestId('funnel-total').locator('td').allTextContents();
  return Object.fromEntries(headers.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
}

describe('the outreach funnel', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the outreach worker the funnel as a chart and a table with exact numbers', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.outreachWorker);
    await openFunnel(page);
    // One bar per stage, each named in the chart's text alternative.
    expect(await page.getByTestId('funnel-chart-row').count()).toBe(STAGES.length);
    const description = (await page.getByTestId('funnel-chart').locator('desc').textContent()) ?? '';
    for (const stage of STAGES) expect(description).toContain(stage);
    expect(Object.keys(await totals(page))).toEqual(STAGES);
    // Exact numbers for the outreach team: no "<5", no masking note.
    expect(Object.values(await totals(page)).every((value) => /^[\d.]+$/.test(value))).toBe(true);
    expect(await page.getByTestId('funnel-masked').count()).toBe(0);
    // The table agrees with the API.
    const api = await page.evaluate(async () => (await (await fetch('/api/outreach/funnel?weeks=12')).json()) as { totals: Record<string, number> });
    expect((await totals(page))['Personen benaderd']).toBe(new Intl.NumberFormat('nl-NL').format(api.totals.contacted ?? -1));
    expect(await page.getByTestId('funnel-table').locator('tbody tr').count()).toBe(12);
    await screenshot(page, 'outreach-funnel-worker');
    await expectNoAxeViolations(page, 'outreach funnel (outreach worker)');

    // Filters: a shorter period.
    await page.getByRole('search').getByLabel('Periode', { exact: true }).selectOption({ label: 'De laatste 4 weken' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="funnel-table"] tbody tr').length === 4);
    // A language, when the period has any.
    const languages = page.getByRole('search').getByLabel('Taal', { exact: true });
    const options = await languages.locator('option').allTextContents();
    if (options.length > 1) {
      await languages.selectOption({ label: options[1]! });
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByTestId('funnel-period').getByText(options[1]!, { exact: false }).waitFor();
    }
    await expectNoAxeViolations(page, 'outreach funnel filtered');
  });

  it('shows the statistics analyst the same funnel with small numbers masked', async () => {
    const page = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await openFunnel(page);
    await page.getByTestId('funnel-masked').waitFor();
    expect(Object.keys(await totals(page))).toEqual(STAGES);
    // Masked cells read "<5"; no cell shows a number from 1 to 4.
    const cells = await page.getByTestId('funnel-table').locator('td').allTextContents();
    expect(cells.some((c) => /^[1-4]$/.test(c.trim()))).toBe(false);
    await screenshot(page, 'outreach-funnel-analyst');
    await expectNoAxeViolations(page, 'outreach funnel (analyst)');
  });
});
