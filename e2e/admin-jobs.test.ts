import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('administrator looks at the background jobs', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.admin);
    await openArea(page, 'Achtergrondtaken');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the server's recurring jobs", async () => {
    const types = page.getByTestId('jobs-table').locator('tbody tr td:first-child');
    await types.first().waitFor();
    const all = await types.allTextContents();
    expect(all).toContain('sessions.purge');
    expect(all).toContain('jobs.purge');
    await expectNoAxeViolations(page, 'jobs page');
    await screenshot(page, 'admin-jobs');
  });

  it('filters by status', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Definitief mislukt' });
    await expect.poll(() => page.getByTestId('jobs-count').textContent()).toBe('Er zijn geen taken met deze status.');
    await page.getByLabel('Status').selectOption({ label: 'Wacht' });
    await page.getByTestId('jobs-table').waitFor();
    const statuses = await page.getByTestId('jobs-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['queued']));
    await expectNoAxeViolations(page, 'jobs page, filtered');
  });
});
