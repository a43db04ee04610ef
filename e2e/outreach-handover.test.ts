import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArea } from './support/admin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO } from './support/demo.ts';
import { signIn } from './support/session.ts';

/** Calls the API from inside the signed-in page (same origin, its cookie, its CSRF token). */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as T };
    },
    { method, path, body },
  );
}

type ContactItem = { id: string; outcome: string | null; signalId: string | null };

/**
 * A contact of the outreach team whose person wants help and is not handed over yet: the demo has
 * one; when another test took it, one is made through the API (a logged call to a number of the
 * highest-ranked cluster, outcome "wants help").
 */
async function wantsHelpContact(page: Page): Promise<string> {
  const listed = await callApi<{ items: ContactItem[] }>(page, 'GET', '/api/outreach/contacts?outcome=wants-help');
  expect(listed.status, JSON.stringify(listed.json)).toBe(200);
  const free = listed.json.items.find((c) => c.signalId === null);
  if (free) return free.id;
  const clusters = await callApi<{ items: { id: string }[] }>(page, 'GET', '/api/outreach/clusters');
  expect(clusters.status).toBe(200);
  for (const cluster of clusters.json.items) {
    const detail = await callApi<{ phones: { token: string; optedOut: boolean }[] }>(page, 'GET', `/api/outreach/clusters/${encodeURIComponent(cluster.id)}`);
    const phone = detail.json.phones?.find((p) => !p.optedOut);
    if (!phone) continue;
    const created = await callApi<{ id: string }>(page, 'POST', '/api/outreach/contacts', { clusterId: cluster.id, phoneToken: phone.token, channel: 'call', language: 'nl' });
    if (created.status !== 201) continue;
    const outcome = await callApi(page, 'POST', `/api/outreach/contacts/${created.json.id}/outcome`, { outcome: 'wants-help' });
    expect(outcome.status, JSON.stringify(outcome.json)).toBe(200);
    return created.json.id;
  }
  throw new Error('No cluster with a phone number that may be contacted.');
}

/** Letters only, so that the name is one searchable word. */
function uniqueWord(prefix: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let suffix = '';
  for (let i = 0; i < 8; i += 1) suffix += letters[Math.floor(Math.random() * letters.length)];
  return `${prefix}${suffix}`;
}

describe('handover of an outreach contact to the central information point', () => {
  let browser: Browser;
  let worker: Page;
  let contactId = '';
  let signalNumber = '';
  const name = `Lina ${uniqueWord('Gomez')}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    worker = await newPage(browser);
    await signIn(worker, DEMO.outreachWorker);
    contactId = await wantsHelpContact(worker);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the outreach worker hands the person over with consent', async () => {
    await worker.goto(`/outreach/contacts/${contactId}`);
    const section = worker.getByTestId('handover-section');
    await section.getByRole('heading', { name: 'Overdracht aan het centraal informatiepunt' }).waitFor();
    await section.getByRole('button', { name: 'Overdragen met toestemming' }).click();
    const form = worker.getByRole('form', { name: 'Overdracht aan het centraal informatiepunt' });
    await form.waitFor();
    // Keyboard users land in the form.
    await worker.waitForFunction(() => !!document.activeElement?.closest('[data-testid="handover-form"]'));
    await form.getByLabel(/^Naam/).first().fill(name);
    await form.getByLabel(/^Geschatte leeftijd/).fill('22');
    await form.getByLabel(/^Beschrijving/).fill('Reageerde op ons bericht; haar paspoort wordt vastgehouden door de man die de advertenties plaatst.');
    // Without consent nothing is handed over.
    await form.getByRole('button', { name: 'Overdragen als signaal' }).click();
    await form.getByText('Bevestig dat de persoon toestemming gaf; zonder toestemming geen overdracht.').waitFor();
    await expectNoAxeViolations(worker, 'handover form with an error');

    await form.getByLabel(/^De persoon gaf toestemming voor overdracht/).check();
    await form.getByRole('button', { name: 'Overdragen als signaal' }).click();
    const done = worker.getByTestId('handed-over');
    await done.getByText(/^Overgedragen als signaal SIG-\d{4}-[0-9A-Z]{6}\.$/).waitFor();
    signalNumber = /SIG-\d{4}-[0-9A-Z]{6}/.exec((await done.textContent()) ?? '')![0];
    expect(await worker.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('handed-over');
    await done.getByText(/Status van het signaal: Open\./).waitFor();
    await screenshot(worker, 'outreach-handover-done');
    await expectNoAxeViolations(worker, 'contact page after the handover');

    // Reloaded, the page still says so, and the form is gone.
    await worker.reload();
    await worker.getByTestId('handed-over').getByText(`Overgedragen als signaal ${signalNumber}.`).waitFor();
    expect(await worker.getByTestId('handover-form').count()).toBe(0);
  });

  it('the registrar sees it in the triage queue, marked as from online outreach', async () => {
    expect(signalNumber).not.toBe('');
    const registrar = await newPage(browser);
    await signIn(registrar, DEMO.registrar);
    await openArea(registrar, 'Triage');
    const row = registrar.getByTestId('triage-table').getByRole('row').filter({ hasText: signalNumber });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Online outreach', exact: true }).count()).toBe(1);
    await expectNoAxeViolations(registrar, 'triage queue with an outreach signal');

    await row.getByRole('link', { name: signalNumber }).click();
    await registrar.locator('h1', { hasText: signalNumber }).waitFor();
    await registrar.getByTestId('signal-from-outreach').getByText('Via online outreach', { exact: false }).waitFor();
    await registrar.getByText(name).first().waitFor();
    // The registrar cannot open outreach data: no link to the contact.
    expect(await registrar.getByRole('link', { name: 'Open het outreachcontact' }).count()).toBe(0);
    await screenshot(registrar, 'outreach-handover-signal');
    await expectNoAxeViolations(registrar, 'signal from online outreach');
  });
});
