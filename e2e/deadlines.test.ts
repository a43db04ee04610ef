import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { navLinks, signIn } from './support/session.ts';

/**
 * The registrar's view of the legal clocks. The demo seeds open signals (triage clocks) and
 * requested referrals (referral-response clocks) days in the past, so some are overdue by now.
 */
describe('deadlines, tasks and the case clocks', () => {
  let browser: Browser;
  let page: Page;
  let caseHref = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.registrar);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows Deadlines and Tasks in the registrar navigation', async () => {
    const links = await navLinks(page);
    expect(links).toContain('Termijnen');
    expect(links).toContain('Taken');
  });

  it("shows the demo's running clocks in the table and the chart, per organisation", async () => {
    await openArea(page, 'Termijnen');
    const table = page.getByTestId('deadlines-table');
    await table.waitFor();
    const rows = table.getByTestId('deadline-row');
    expect(await rows.count()).toBeGreaterThan(0);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Beoordeling signaal');
    expect(text).toMatch(/Reactie op verwijzing/);
    expect(text).toMatch(/NRM-\d{4}-/);
    // The demo's clocks started days ago: at least one is overdue and carries the badge.
    expect(await table.locator('.utrecht-status-badge--danger', { hasText: 'Te laat' }).count()).toBeGreaterThan(0);

    // Chart and its table alternative hold the same organisations.
    const chart = page.getByTestId('deadlines-chart');
    await chart.waitFor();
    const chartRows = await chart.getByTestId('deadlines-chart-row').count();
    expect(chartRows).toBeGreaterThan(0);
    const orgTable = page.getByTestId('deadlines-organisations');
    expect(await orgTable.locator('tbody tr').count()).toBe(chartRows);
    expect(await chart.getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    expect(await page.getByTestId('deadlines-totals').textContent()).toMatch(/\d+ te laat, \d+ lopen af vóór /);

    await expectNoAxeViolations(page, 'deadlines page');
    await screenshot(page, 'deadlines', { fullPage: true });

    caseHref = (await table.getByRole('link', { name: /^NRM-/ }).first().getAttribute('href')) ?? '';
    expect(caseHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  });

  it('opens Tasks (open tasks, or the empty state)', async () => {
    await openArea(page, 'Taken');
    const count = page.getByTestId('tasks-count');
    await count.waitFor();
    const tasks = page.getByTestId('tasks-table');
    if ((await tasks.count()) > 0) {
      const before = await tasks.getByTestId('task-row').count();
      expect(before).toBeGreaterThan(0);
      expect(await count.textContent()).toMatch(/^\d+ ta(ak|ken)\.$/);
      expect(await tasks.getByRole('link').first().getAttribute('href')).toMatch(/^\/(cases|triage)\//);
      await expectNoAxeViolations(page, 'tasks page');
      await screenshot(page, 'tasks');
      // Completing a task: the notice names it and the open list shrinks by one.
      await tasks.getByRole('button', { name: /^Afronden: / }).first().click();
      await page.getByTestId('tasks-notice').waitFor();
      expect(await page.getByTestId('tasks-notice').textContent()).toMatch(/^Taak afgerond: /);
      await expect.poll(() => tasks.getByTestId('task-row').count().catch(() => 0)).toBe(before - 1);
    } else {
      expect(await count.textContent()).toBe('Er zijn geen open taken.');
      await expectNoAxeViolations(page, 'tasks page (empty)');
      await screenshot(page, 'tasks');
    }

    await page.getByLabel('Status').selectOption('done');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(() => count.textContent()).toMatch(/^(Er zijn geen afgeronde taken\.|\d+ ta(ak|ken)\.)$/);
    await expectNoAxeViolations(page, 'tasks page (done)');
  });

  it('shows the Deadlines section with history on a demo case', async () => {
    await page.goto(caseHref);
    await page.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();
    const section = page.getByRole('region', { name: 'Termijnen' }).first();
    await section.waitFor();
    const clocks = page.getByTestId('case-clocks');
    await clocks.waitFor();
    expect(await clocks.getByTestId('case-clock-row').count()).toBeGreaterThan(0);
    expect(await clocks.textContent()).toMatch(/Reactie op verwijzing|Beoordeling signaal/);
    const summary = clocks.locator('summary').first();
    await summary.click();
    const history = clocks.getByTestId('case-clock-history').first();
    await history.waitFor();
    expect(await history.textContent()).toContain('Gestart');
    await expectNoAxeViolations(page, 'case page with deadlines');
    await screenshot(page, 'case-deadlines', { fullPage: true });
  });
});
