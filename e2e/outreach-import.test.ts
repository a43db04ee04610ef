import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../src/outreach/generate/generate-corpus.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

describe('outreach import: upload with progress, sources and credentials', () => {
  let browser: Browser;
  let page: Page;
  let file: Buffer;
  const source = `${unique('e2e')}.example`;
  const escaped = source.replace(/\./g, '\\.');

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-e2e-import-'));
    await generateCorpus({ ads: 25, seed: source, out: path.join(tmp, 'ads.jsonl'), truth: path.join(tmp, 'truth.jsonl') });
    // Ads of a source of their own, so that earlier runs and the demo data do not count; one bad line at the end.
    const lines = fs.readFileSync(path.join(tmp, 'ads.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.stringify({ ...JSON.parse(l), source }));
    file = Buffer.from(`${lines.join('\n')}\n{"id":"bad","age":"twenty"}\n`, 'utf8');
    fs.rmSync(tmp, { recursive: true, force: true });
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.outreachWorker);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a file, shows the upload and import progress until done, then the counts and the skipped line', async () => {
    await page.goto('/outreach/import');
    await page.locator('h1', { hasText: /^(Advertenties importeren|Import ads)$/ }).waitFor();
    await expectNoAxeViolations(page, 'outreach import page');

    const form = page.getByTestId('import-form');
    await form.getByLabel(/^(Bestand met advertenties|File with ads)/).setInputFiles({ name: 'ads.jsonl', mimeType: 'application/x-ndjson', buffer: file });
    await form.getByRole('button', { name: /^(Uploaden en importeren|Upload and import)$/ }).click();

    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    expect(await progress.getByRole('progressbar').count()).toBe(1);
    await page.locator('[data-testid="import-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-status').textContent()).resolves.toMatch(/^(Klaar|Done): 26 (regels gelezen|lines read)\.$/);
    expect(await page.locator('[data-testid="import-progress"] progress').getAttribute('value')).toBe('100');

    const counts = page.getByTestId('import-counts');
    await expect(counts.textContent()).resolves.toMatch(/(Nieuwe advertenties|New ads)25/);
    await expect(counts.textContent()).resolves.toMatch(/(Overgeslagen regels|Lines skipped)1/);
    const problems = page.getByTestId('import-problems');
    await expect(problems.locator('tbody tr').first().textContent()).resolves.toBe('26"age" must be a number');

    // The run is listed among the recent imports.
    await page.getByTestId('import-runs').getByText('ads.jsonl').first().waitFor();
    await expectNoAxeViolations(page, 'outreach import page with a finished import');
    await screenshot(page, 'outreach-import-done', { fullPage: true });
  });

  it('lists sources for the outreach worker without management actions', async () => {
    await page.goto('/outreach/sources');
    await page.locator('h1').first().waitFor();
    await expect(page.getByRole('button', { name: /^(Bron toevoegen|Add source)$/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'outreach sources page (worker)');
  });

  it('lets an administrator add a source, issue a credential shown once, and revoke it', async () => {
    const admin = await newPage(browser);
    await signIn(admin, DEMO.admin);
    await admin.goto('/outreach/sources');
    await admin.locator('h1').first().waitFor();
    const form = admin.getByTestId('source-form');
    await form.getByLabel(/^Code/).fill(source);
    await form.getByLabel(/^(Naam|Name)/).fill('E2E test source');
    await form.getByRole('button', { name: /^(Bron toevoegen|Add source)$/ }).click();
    const row = admin.getByTestId('source-row').filter({ hasText: source });
    await row.waitFor();
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('25');
    await row.getByRole('button', { name: new RegExp(`^(Een sleutel uitgeven voor|Issue a credential for) ${escaped}$`) }).click();
    const token = await admin.getByTestId('source-token').inputValue();
    expect(token).toMatch(/^bkn_src_/);
    await expectNoAxeViolations(admin, 'outreach sources page with a new credential');
    await screenshot(admin, 'outreach-sources-credential');

    // The crawler can post with it.
    const posted = await admin.evaluate(async ({ token, source }) => {
      const r = await fetch('/api/outreach/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ads: [{ id: 'crawler-1', source, body: 'Hoi, nieuw hier' }] }) });
      return r.status;
    }, { token, source });
    expect(posted).toBe(200);

    await admin.getByRole('button', { name: /^(Ik heb hem gekopieerd|I have copied it)$/ }).click();
    await row.getByRole('button', { name: new RegExp(`^(De sleutel van ${escaped} intrekken|Revoke the credential of ${escaped})$`) }).click();
    await admin.getByRole('dialog').getByRole('button', { name: /^(Intrekken|Revoke)$/ }).click();
    await row.filter({ hasText: /(Ingetrokken|Revoked)/ }).waitFor();
    const refused = await admin.evaluate(async (token) => (await fetch('/api/outreach/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ ads: [{ id: 'x' }] }) })).status, token);
    expect(refused).toBe(401);

    await admin.getByTestId('purge-dry-run').click();
    await admin.getByTestId('purge-result').filter({ hasText: /\d/ }).waitFor();
    await expectNoAxeViolations(admin, 'outreach sources page with purge result');
    await admin.context().close();
  });
});
