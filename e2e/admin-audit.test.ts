import { request, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

const FAILED_LOGINS = 60; // more than one page of 50

function isoDay(offsetDays: number): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('administrator filters the audit trail', () => {
  let browser: Browser;
  let page: Page;
  const filter = () => page.getByRole('search', { name: 'Audittrail filteren' });
  const rows = () => page.getByTestId('audit-table').locator('tbody tr');
  const count = () => page.getByTestId('audit-count').textContent();

  async function apply(values: Partial<Record<'Handeling' | 'Soort gegeven' | 'Id van de gebruiker' | 'Vanaf datum' | 'Tot en met datum', string>>, outcome?: string) {
    await filter().getByRole('button', { name: 'Wissen' }).click();
    for (const [label, value] of Object.entries(values)) await filter().getByLabel(label, { exact: true }).fill(value);
    if (outcome) await filter().getByLabel('Uitkomst').selectOption({ label: outcome });
    await filter().getByRole('button', { name: 'Filteren' }).click();
  }

  beforeAll(async () => {
    // Failed sign-ins with an unknown address: audited, but they lock no account.
    const api = await request.newContext({ baseURL: baseUrl() });
    const email = `${unique('nobody')}@example.org`;
    for (let i = 0; i < FAILED_LOGINS; i += 1) {
      const response = await api.post('/api/auth/login', { data: { email, password: 'wrong-password' } });
      if (response.status() !== 401) throw new Error(`expected 401, got ${response.status()}`);
    }
    await api.dispose();

    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.admin);
    await openArea(page, 'Audittrail');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the newest entries first', async () => {
    await rows().first().waitFor();
    const seqs = (await rows().locator('td:first-child').allTextContents()).map(Number);
    expect(seqs.length).toBeGreaterThan(1);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    await expectNoAxeViolations(page, 'audit page');
    await screenshot(page, 'admin-audit', { fullPage: false });
  });

  it('filters by action and outcome, and loads older entries page by page', async () => {
    await apply({ Handeling: 'auth.login' }, 'Mislukt');
    await expect.poll(count).toBe('50 regels getoond; er zijn oudere regels.');
    const actions = await rows().evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-action')}/${tr.getAttribute('data-outcome')}`));
    expect(new Set(actions)).toEqual(new Set(['auth.login/failed']));

    await page.getByRole('button', { name: 'Oudere regels laden' }).click();
    await expect.poll(async () => rows().count()).toBeGreaterThanOrEqual(FAILED_LOGINS);
    const seqs = (await rows().locator('td:first-child').allTextContents()).map(Number);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    await expectNoAxeViolations(page, 'audit page, filtered, two pages');
    await screenshot(page, 'admin-audit-filtered', { fullPage: false });
  });

  it('filters by resource type and date range', async () => {
    await apply({ 'Soort gegeven': 'user', 'Vanaf datum': isoDay(0), 'Tot en met datum': isoDay(0) });
    await rows().first().waitFor();
    const types = await rows().locator('td:nth-child(5)').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent));
    expect(new Set(types)).toEqual(new Set(['user']));

    await apply({ 'Vanaf datum': isoDay(1) });
    await expect.poll(count).toBe('0 regels getoond.');
  });

  it('shows the server\'s problem at the field it concerns', async () => {
    await apply({ 'Id van de gebruiker': 'not-a-uuid' });
    const field = filter().getByLabel('Id van de gebruiker', { exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').at(-1);
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/UUID/);
    await expectNoAxeViolations(page, 'audit filter with a field error');
  });
});
