import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const today = () => new Date().toISOString().slice(0, 10);
const ORG_NOTE = 'Intern: terugkoppeling aan de politie pas na overleg met haar.';
const INVOLVED_NOTE = 'Intakegesprek in de opvang op dinsdag om 10:00; geen tolk nodig.';
const LETTER = Buffer.from('Bevestiging opvangplek\n\nAlle gegevens in deze test zijn verzonnen.\n', 'utf8');

describe('case workspace: notes with visibility, documents, timeline', () => {
  let browser: Browser;
  let page: Page;
  let caseId = '';
  let caseNumber = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh case referred to the demo shelter (accepted), set up through the API.
    const responder = await newPage(browser);
    await signIn(responder, DEMO.firstResponder);
    const signal = await callApi<{ id: string }>(responder, 'POST', '/api/signals', {
      clientRequestId: crypto.randomUUID(),
      person: { name: 'Nadia Werkruimte', estimatedAge: 27, sex: 'female' },
      indicators: ['movement-restricted'],
      forms: ['sexual-exploitation'],
      region: 'amsterdam',
      acuteDanger: false,
      minorInvolved: false,
      description: 'Mag niet zelfstandig naar buiten.',
      legalBasis: 'statutory-task',
    });
    expect(signal.status, JSON.stringify(signal.json)).toBe(201);
    await responder.context().close();

    page = await newPage(browser);
    await signIn(page, DEMO.registrar);
    const decided = await callApi<{ decision: { caseId: string; caseNumber: string } }>(page, 'POST', `/api/signals/${signal.json.id}/decision`, {
      decision: 'register',
      registration: {
        person: { name: 'Nadia Werkruimte', estimatedAge: 27, sex: 'female' },
        forms: ['sexual-exploitation'],
        region: 'amsterdam',
        dossierType: 'registration-shelter',
        consents: [
          { purpose: 'registration', legalBasis: 'consent', givenOn: today() },
          { purpose: 'shelter', legalBasis: 'consent', givenOn: today() },
        ],
      },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    caseId = decided.json.decision.caseId;
    caseNumber = decided.json.decision.caseNumber;
    const shelters = await callApi<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/directory/organisations?type=shelter');
    const haven = shelters.json.items.find((organisation) => organisation.name === 'Opvanghuis De Haven');
    const referral = await callApi<{ id: string }>(page, 'POST', `/api/cases/${caseId}/referrals`, { type: 'shelter', organisationId: haven?.id });
    expect(referral.status, JSON.stringify(referral.json)).toBe(201);
    const shelter = await newPage(browser);
    await signIn(shelter, DEMO.serviceProvider);
    expect((await callApi(shelter, 'POST', `/api/referrals/${referral.json.id}/accept`, {})).status).toBe(200);
    await shelter.context().close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the registrar add notes of two visibility levels, with problems shown at the fields', async () => {
    await page.goto(`/cases/${caseId}`);
    await page.locator('h1', { hasText: `Zaak ${caseNumber}` }).waitFor();
    const form = page.getByTestId('note-form');
    // Nothing chosen: the problems appear at the fields and nothing is saved.
    await form.getByRole('button', { name: 'Notitie opslaan' }).click();
    expect(await form.getByLabel('Notitie', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('note-visibility').textContent()).toContain('Kies');
    await expectNoAxeViolations(page, 'note form with problems');

    for (const [label, text] of [['Alleen mijn organisatie', ORG_NOTE], ['Iedereen die bij de zaak betrokken is', INVOLVED_NOTE]] as const) {
      await form.getByLabel(label).check();
      await form.getByLabel('Notitie', { exact: true }).fill(text);
      await form.getByRole('button', { name: 'Notitie opslaan' }).click();
      await page.getByTestId('notes-list').getByText(text).waitFor();
    }
    const notes = page.getByTestId('note');
    expect(await notes.count()).toBe(2);
    expect(await page.locator('[data-testid="note"][data-visibility="organisation"]').textContent()).toContain(ORG_NOTE);
  });

  it('uploads a document and downloads exactly the same bytes', async () => {
    const form = page.getByTestId('document-form');
    await form.getByLabel('Soort document').selectOption({ label: 'Correspondentie' });
    await form.getByTestId('document-visibility').getByLabel('Iedereen die bij de zaak betrokken is').check();
    await form.getByLabel('Bestand').setInputFiles({ name: 'bevestiging-opvang.txt', mimeType: 'text/plain', buffer: LETTER });
    await form.getByRole('button', { name: 'Uploaden' }).click();
    const link = page.getByTestId('documents-table').getByRole('link', { name: 'bevestiging-opvang.txt' });
    await link.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('bevestiging-opvang.txt');
    const saved = await download.path();
    expect(Buffer.compare(fs.readFileSync(saved), LETTER)).toBe(0);

    // A file whose content is not what it claims to be is refused, with the problem at the file field.
    await form.getByLabel('Soort document').selectOption({ label: 'Overig' });
    await form.getByTestId('document-visibility').getByLabel('Alleen mijn organisatie').check();
    await form.getByLabel('Bestand').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await form.getByRole('button', { name: 'Uploaden' }).click();
    await expect.poll(async () => form.getByLabel('Bestand').getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('de inhoud past niet bij het soort bestand');
    expect(await form.textContent()).toContain('it looks like plain text');
    expect(await page.getByTestId('document-row').count()).toBe(1);
  });

  it('shows the notes and the document on the timeline, with no axe violations', async () => {
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('[data-code="note-added"]').count()).toBe(2);
    expect(await timeline.locator('[data-code="document-added"]').count()).toBe(1);
    expect(await timeline.textContent()).not.toContain(INVOLVED_NOTE);
    // Newest first by default; oldest first on request.
    expect(await timeline.getByTestId('timeline-entry').first().getAttribute('data-code')).toBe('document-added');
    await page.getByTestId('timeline-order').selectOption('asc');
    await expect.poll(() => timeline.getByTestId('timeline-entry').first().getAttribute('data-code')).toBe('signal-received');
    await page.getByTestId('timeline-kind').selectOption('note');
    await expect.poll(() => timeline.getByTestId('timeline-entry').count()).toBe(2);
    await page.getByTestId('timeline-kind').selectOption('');
    await expectNoAxeViolations(page, 'case page with workspace (registrar)');
    await screenshot(page, 'case-workspace-registrar');
  });

  it('shows the shelter the involved note but not the organisation note', async () => {
    const shelter = await newPage(browser);
    await signIn(shelter, DEMO.serviceProvider);
    await shelter.goto(`/cases/${caseId}`);
    await shelter.locator('h1', { hasText: `Zaak ${caseNumber}` }).waitFor();
    const notes = shelter.getByTestId('notes-list');
    await notes.getByText(INVOLVED_NOTE).waitFor();
    expect(await notes.textContent()).not.toContain(ORG_NOTE);
    expect(await shelter.getByTestId('note').count()).toBe(1);
    await shelter.getByTestId('documents-table').getByRole('link', { name: 'bevestiging-opvang.txt' }).waitFor();
    const timeline = shelter.getByTestId('timeline');
    await expect.poll(() => timeline.locator('[data-code="note-added"]').count()).toBe(1);
    await expectNoAxeViolations(shelter, 'case page with workspace (shelter)');
    await screenshot(shelter, 'case-workspace-shelter');
    await shelter.context().close();
  });
});
