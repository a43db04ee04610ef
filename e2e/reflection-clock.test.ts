import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { submitCredentials, waitForPath } from './support/session.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The reflection period (bedenktijd, three months) on a server of its own whose clock the test
 * moves: recorded as a milestone, it runs; shortly before its end it has warned and the Deadlines
 * page lists it; after its end it has expired and escalated to the registrar as a task. Sessions end
 * when the clock jumps (30 idle minutes), so the registrar signs in again after every move. The
 * server runs without second factors, so signing in is the password alone.
 */
describe('the reflection period clock warns, then escalates', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let caseNumber = '';

  beforeAll(async () => {
    server = await startServer({ BAKEN_TEST_CLOCK: 'on', BAKEN_REQUIRE_2FA: 'none' }, 'server-reflection-clock.log');
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInAsRegistrar() {
    await page.context().clearCookies();
    await page.goto('/login');
    await submitCredentials(page, DEMO.registrar);
    await waitForPath(page, '/');
  }

  /** Moves the server's clock (and runs the clock job at once); without the browser's session, so no CSRF token is needed. */
  async function moveClock(advanceMs: number) {
    const response = await fetch(`${server.baseUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs }) });
    expect(response.status).toBe(200);
    return (await response.json()) as { now: string; advanced: { warned: number; overdue: number; expired: number; escalated: number } };
  }

  async function reflectionClock() {
    const response = await page.request.get(`/api/cases/${caseId}/clocks`);
    const clocks = ((await response.json()) as { items: { code: string; state: string; dueAt: string; escalatedAt: string | null }[] }).items;
    return clocks.find((c) => c.code === 'reflection-period')!;
  }

  async function openCase() {
    await page.goto(`/cases/${caseId}`);
    await page.locator('h1', { hasText: /^Zaak NRM-/ }).waitFor();
  }

  const reflectionRow = () => page.getByTestId('case-clocks').getByTestId('case-clock-row').filter({ has: page.locator('th', { hasText: /^Bedenktijd$/ }) });

  it('records the reflection period as a milestone and shows its clock', async () => {
    await signInAsRegistrar();
    const found = await page.request.get('/api/cases?q=Haddad');
    const item = ((await found.json()) as { items: { id: string; caseNumber: string }[] }).items[0]!;
    caseId = item.id;
    caseNumber = item.caseNumber;
    await openCase();

    const section = page.getByRole('region', { name: 'Mijlpalen' });
    await section.getByLabel('Mijlpaal', { exact: true }).selectOption({ label: 'Bedenktijd verleend' });
    await section.getByRole('button', { name: 'Mijlpaal vastleggen' }).click();
    await expect.poll(() => section.getByTestId('milestone-notice').textContent()).toBe('Vastgelegd: Bedenktijd verleend.');
    await expect.poll(() => section.getByTestId('milestone-list').textContent()).toContain('Bedenktijd verleend');
    await expect.poll(() => reflectionRow().count()).toBe(1);
    expect(await reflectionRow().textContent()).toContain('Loopt');
    await expectNoAxeViolations(page, 'case page after recording a milestone');
  });

  it('warns before the end and lists the clock on the Deadlines page as due soon', async () => {
    const clock = await reflectionClock();
    const { now } = await moveClock(0);
    // Five days before the end: past the 14-day warning, not yet at the 3-day one, within the dashboard's week.
    const moved = await moveClock(Date.parse(clock.dueAt) - Date.parse(now) - 5 * DAY);
    expect(moved.advanced.warned).toBeGreaterThanOrEqual(1);

    await signInAsRegistrar();
    await openCase();
    await expect.poll(() => reflectionRow().count()).toBe(1);
    expect(await reflectionRow().textContent()).toContain('Loopt');
    // The warning shows as a badge on the clock, not only in its history.
    expect(await reflectionRow().locator('.utrecht-status-badge--warning', { hasText: 'Loopt bijna af' }).count()).toBe(1);
    // The warning shows as a badge on the clock, not only in its history.
    expect(await reflectionRow().locator('.utrecht-status-badge--warning', { hasText: 'Loopt bijna af' }).count()).toBe(1);
    await reflectionRow().locator('summary').click();
    const history = reflectionRow().getByTestId('case-clock-history');
    expect(await history.textContent()).toContain('Waarschuwing');
    await screenshot(page, 'reflection-clock-warned', { fullPage: true });

    await openArea(page, 'Termijnen');
    const table = page.getByTestId('deadlines-table');
    await table.waitFor();
    const row = table.getByTestId('deadline-row').filter({ hasText: caseNumber }).filter({ hasText: 'Bedenktijd' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.utrecht-status-badge--danger').count()).toBe(0); // due soon, not late
    await expectNoAxeViolations(page, 'deadlines page with the reflection period due soon');
  });

  it('expires after the end and escalates to the registrar as a task', async () => {
    const moved = await moveClock(6 * DAY);
    expect(moved.advanced.escalated).toBeGreaterThanOrEqual(1);
    // The session ended with the jump: the API asks for a new sign-in.
    expect((await page.request.get(`/api/cases/${caseId}/clocks`)).status()).toBe(401);

    await signInAsRegistrar();
    expect(await reflectionClock()).toMatchObject({ state: 'expired', escalatedAt: expect.any(String) });
    await openCase();
    await expect.poll(() => reflectionRow().textContent()).toContain('Verlopen');
    expect(await reflectionRow().textContent()).toContain('Geëscaleerd');

    await openArea(page, 'Taken');
    const tasks = page.getByTestId('tasks-table');
    await tasks.waitFor();
    const task = tasks.getByTestId('task-row').filter({ hasText: caseNumber }).filter({ hasText: 'Bedenktijd' });
    await expect.poll(() => task.count()).toBe(1);
    await expectNoAxeViolations(page, 'tasks page with the escalated reflection period');
    await screenshot(page, 'reflection-clock-escalated', { fullPage: true });
  });
});
