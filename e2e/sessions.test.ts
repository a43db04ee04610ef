import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn, waitForPath } from './support/session.ts';

const SECOND_DEVICE_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0 BakenE2E-second-device';

describe('my sessions: see them, revoke one, sign out everywhere', () => {
  let browser: Browser;
  let first: Page;
  let second: Page;
  const table = () => first.getByTestId('sessions-table');
  const secondRow = () => table().locator('tbody tr').filter({ has: first.locator(`span[title="${SECOND_DEVICE_UA}"]`) });

  beforeAll(async () => {
    browser = await launchBrowser();
    first = await newPage(browser);
    second = await newPage(browser, { userAgent: SECOND_DEVICE_UA });
    await signIn(first, DEMO.careCoordinator);
    await signIn(second, DEMO.careCoordinator);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists both sessions and marks the current one', async () => {
    await first.getByRole('link', { name: 'Mijn account' }).first().click();
    await waitForPath(first, '/account');
    await table().waitFor();
    const current = table().locator('tbody tr[data-current]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('Deze sessie');
    expect(await current.getByRole('button', { name: /^Intrekken/ }).count()).toBe(0);
    expect(await secondRow().count()).toBe(1);
    expect(await secondRow().textContent()).toContain('Firefox, Linux');
    await expectNoAxeViolations(first, 'account page');
    await screenshot(first, 'account-sessions');
  });

  it('revokes the other session after confirmation, which signs that device out', async () => {
    await secondRow().getByRole('button', { name: /^Intrekken: Firefox, Linux/ }).click();
    const dialog = first.getByRole('dialog', { name: 'Sessie intrekken?' });
    await dialog.waitFor();
    await expectNoAxeViolations(first, 'revoke-session dialog');
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await expect.poll(() => secondRow().count()).toBe(0);
    await expect.poll(() => first.getByTestId('announcer').textContent()).toBe('De sessie is ingetrokken.');

    await second.reload();
    await waitForPath(second, '/login');
  });

  it('signs out everywhere', async () => {
    await first.getByRole('button', { name: 'Overal uitloggen' }).click();
    await first.getByRole('dialog', { name: 'Overal uitloggen?' }).getByRole('button', { name: 'Overal uitloggen' }).click();
    await waitForPath(first, '/login');
    await first.goto('/account');
    await waitForPath(first, '/login');
  });
});
