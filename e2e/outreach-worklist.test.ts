import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

/**
 * An outreach worker works the demo corpus (600 generated ads): the ranked worklist with filters, a
 * cluster page with its template, identifier graph and cities timeline, a claim and a reveal, and
 * today's contact list. axe must find nothing on any of the three pages.
 */
describe('outreach worklist', () => {
  let browser: Browser;
  let page: Page;
  let clusterPath = '';
  let claimed = false;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.outreachWorker);
  });
  afterAll(async () => {
    // Leave the demo as it was: release the claim this test made.
    if (claimed && page) {
      const id = clusterPath.split('/').pop();
      await page.evaluate(async (clusterId) => {
        const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
        await fetch(`/api/outreach/clusters/${clusterId}/claim`, { method: 'DELETE', headers: { 'x-csrf-token': session.csrfToken } });
      }, id);
    }
    await browser?.close();
  });

  it('shows clusters ranked by risk with masked reasons, and filters them', async () => {
    await page.goto('/outreach');
    const table = page.getByTestId('clusters-table');
    await table.waitFor();
    const scores = (await page.getByTestId('cluster-score').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // No full phone number anywhere in the list (at most the last two digits).
    expect(await table.textContent()).not.toMatch(/\+\d{6,}/);
    await expectNoAxeViolations(page, 'worklist');
    await screenshot(page, 'outreach-worklist');

    const total = (await page.getByTestId('clusters-count').textContent()) ?? '';
    await page.getByLabel(/^(Mogelijk minderjarig|Possible minor)$/).selectOption('true');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/outreach/clusters?') && r.url().includes('minorRisk=true')),
      page.getByRole('button', { name: /^(Filteren|Filter)$/ }).click(),
    ]);
    await page.getByTestId('clusters-count').waitFor();
    const rows = page.getByTestId('cluster-row');
    const filtered = await rows.count();
    expect(filtered).toBeGreaterThan(0); // the demo corpus has clusters with a stated minor or youth language
    expect(await rows.filter({ hasText: /Mogelijk minderjarig|Possible minor/ }).count()).toBe(filtered);
    expect(await page.getByTestId('clusters-count').textContent()).not.toBe(total);
    await page.getByRole('button', { name: /^(Wissen|Clear)$/ }).click();
    await expect.poll(() => page.getByTestId('clusters-count').textContent()).toBe(total);
  });

  it('opens the highest-ranked unclaimed cluster: template with slots, identifier graph, cities timeline', async () => {
    // Unclaimed: other browser tests may be working on the demo's clusters at the same time.
    await page.getByLabel(/^(Geclaimd|Claimed)$/).selectOption('unclaimed');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/outreach/clusters?') && r.url().includes('claim=unclaimed')),
      page.getByRole('button', { name: /^(Filteren|Filter)$/ }).click(),
    ]);
    await page.getByTestId('clusters-count').waitFor();
    await page.getByTestId('cluster-row').first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/outreach/clusters/'));
    clusterPath = new URL(page.url()).pathname;
    await page.getByTestId('cluster-summary').waitFor();
    const slots = page.getByTestId('template-slot');
    expect(await slots.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('template-legend').locator('mark').count()).toBe(1);
    expect(await page.getByTestId('identifier-graph').locator('svg[role="img"]').count()).toBe(1);
    expect(await page.getByTestId('graph-identifier').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('identifier-table').locator('tbody tr').count()).toBe(await page.getByTestId('graph-identifier').count());
    const dots = await page.getByTestId('timeline-dot').count();
    expect(dots).toBeGreaterThan(1);
    expect(await page.getByTestId('timeline-table').locator('tbody tr').count()).toBe(dots);
    expect(await page.getByTestId('cluster-ad').count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'cluster page');
    await screenshot(page, 'outreach-cluster', { fullPage: true });
  });

  it('claims the cluster and reveals a number through an audited call', async () => {
    const status = page.getByTestId('claim-status');
    await page.getByTestId('claim-cluster').click();
    await expect.poll(() => status.textContent()).toMatch(/Door u geclaimd|Claimed by you/);
    claimed = true;
    await page.getByTestId('release-cluster').waitFor();

    const rowsWithReveal = await page.getByTestId('cluster-phone').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="reveal-phone"]') !== null));
    const phone = page.getByTestId('cluster-phone').nth(rowsWithReveal.indexOf(true));
    await phone.getByTestId('reveal-phone').click();
    await expect.poll(() => phone.getByTestId('revealed-phone').textContent()).toMatch(/^\+\d{8,15}$/);
    const contact = await phone.getByTestId('contact-link').getAttribute('href');
    expect(contact).toMatch(/^\/outreach\/contacts\/new\?cluster=[^&]+&target=[0-9a-f]{32}$/);

    await page.goto('/outreach');
    await page.getByTestId('clusters-count').waitFor();
    await page.getByLabel(/^(Geclaimd|Claimed)$/).selectOption('mine');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/outreach/clusters?') && r.url().includes('claim=mine')),
      page.getByRole('button', { name: /^(Filteren|Filter)$/ }).click(),
    ]);
    await page.getByTestId('clusters-count').waitFor();
    await expect.poll(() => page.locator(`[data-testid="cluster-row"] a[href="${clusterPath}"]`).count()).toBe(1);
    const mine = page.getByTestId('cluster-row');
    expect(await mine.filter({ hasText: /Door u geclaimd|Claimed by you/ }).count()).toBe(await mine.count());
  });

  it("shows today's contact list with contact links", async () => {
    await page.goto('/outreach/today');
    await page.getByTestId('today-count').waitFor();
    const rows = page.getByTestId('today-row');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(20);
    const hrefs = await page.getByTestId('contact-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(new Set(hrefs).size).toBe(n);
    for (const href of hrefs) expect(href).toMatch(/^\/outreach\/contacts\/new\?cluster=[^&]+&target=[0-9a-f]{32}$/);
    expect(await page.getByTestId('today-table').textContent()).not.toMatch(/\+\d{6,}/);
    await expectNoAxeViolations(page, "today's contact list");
    await screenshot(page, 'outreach-today');
  });
});
