import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { DEMO, unique } from './support/demo.ts';
import { signIn } from './support/session.ts';

/** Calls the API from inside the signed-in page (same origin, its cookie, its CSRF token). */
async function callApi<T>(page: Page, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, path, body, contentType }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': contentType }), 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as T };
    },
    { method, path, body, contentType },
  );
}

const TEMPLATES = {
  ro: 'Bună! Am văzut anunțul tău. Vrei să vorbim puțin? Îmi poți scrie aici: {chatLink}',
  th: 'สวัสดีค่ะ เห็นประกาศของคุณแล้ว อยากคุยกันไหมคะ ทักมาได้ที่นี่ {chatLink}',
};

type Target = { clusterId: string; token: string };
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

describe('outreach contact: templates in two languages, an unsafe template, an opt-out', () => {
  let browser: Browser;
  let page: Page;
  const names = { ro: unique('Prima'), th: unique('Thai-first') };
  const city = unique('Testdorp');
  const targets: Partial<Record<'ro' | 'th', Target>> = {};
  let roContactUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, DEMO.outreachWorker);
    // Two approved templates: written by the outreach worker, approved by the colleague (four eyes).
    const colleague = await newPage(browser);
    await signIn(colleague, DEMO.outreachColleague);
    for (const language of ['ro', 'th'] as const) {
      const created = await callApi<{ id: string }>(page, 'POST', '/api/outreach/templates', { language, name: names[language], body: TEMPLATES[language] });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const approved = await callApi(colleague, 'POST', `/api/outreach/templates/${created.json.id}/approve`);
      expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    }
    await colleague.context().close();

    // Two advertisers of our own, with numbers no other test uses, uploaded like a file import.
    const ads = [
      { id: unique('ro'), source: 'e2e.example', postedAt: new Date(Date.now() - 3_600_000).toISOString(), body: 'Salut, sunt Ana, noua in oras. Te astept!', phones: [`+4072${digits(7)}`], city, country: 'NL' },
      { id: unique('th'), source: 'e2e.example', postedAt: new Date(Date.now() - 7_200_000).toISOString(), body: 'สวัสดีค่ะ นวดแผนไทย โทรหาได้เลยนะคะ', phones: [`+6681${digits(7)}`], city, country: 'NL' },
    ];
    const upload = await callApi<{ id: string }>(page, 'POST', '/api/outreach/imports?fileName=e2e.jsonl', ads.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
    expect(upload.status, JSON.stringify(upload.json)).toBe(202);
    for (let i = 0; i < 120; i++) {
      const run = await callApi<{ status: string }>(page, 'GET', `/api/outreach/imports/${upload.json.id}`);
      if (run.json.status === 'done') break;
      expect(run.json.status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const clusters = await callApi<{ items: { id: string }[] }>(page, 'GET', `/api/outreach/clusters?city=${encodeURIComponent(city)}&claim=all`);
    expect(clusters.json.items).toHaveLength(2);
    for (const { id } of clusters.json.items) {
      const detail = await callApi<{ phones: { token: string; hint: string }[] }>(page, 'GET', `/api/outreach/clusters/${id}`);
      const phone = detail.json.phones[0]!;
      const number = await callApi<{ phone: string }>(page, 'POST', `/api/outreach/clusters/${id}/phones/${phone.token}/reveal`);
      targets[number.json.phone.startsWith('+40') ? 'ro' : 'th'] = { clusterId: id, token: phone.token };
    }
    expect(targets.ro && targets.th).toBeTruthy();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function contactWith(language: 'ro' | 'th', channel: RegExp) {
    const target = targets[language]!;
    await page.goto(`/outreach/contacts/new?cluster=${encodeURIComponent(target.clusterId)}&target=${target.token}`);
    await page.locator('h1', { hasText: /^(Nieuw contact|New contact)$/ }).waitFor();
    await page.getByRole('radio', { name: channel }).check();
    await page.getByRole('combobox', { name: /^(Taal|Language)/ }).selectOption(language);
    await page.getByRole('radio', { name: names[language] }).check();
    const preview = page.getByTestId('message-preview');
    await expect.poll(() => preview.textContent()).toContain(TEMPLATES[language].split('{chatLink}')[0]!.trim());
    expect(await preview.textContent()).not.toContain('{chatLink}');
    expect(await preview.textContent()).toMatch(/https:\/\//);
    await expectNoAxeViolations(page, `new contact (${language})`);
    await screenshot(page, `outreach-new-contact-${language}`);
    await page.getByRole('button', { name: /^(In de outbox zetten|Put in the outbox)$/ }).click();
    await page.waitForURL((url) => /^\/outreach\/contacts\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId('awaiting-send').waitFor();
    await page.getByRole('button', { name: /^(Ik heb het verstuurd|I have sent it)$/ }).click();
    await page.getByTestId('awaiting-send').waitFor({ state: 'detached' });
    expect(await page.getByTestId('contact-events').locator('li').count()).toBe(2);
    expect(await page.getByTestId('message-preview').textContent()).toContain(TEMPLATES[language].split('{chatLink}')[0]!.trim());
    await expectNoAxeViolations(page, `contact page (${language})`);
    return page.url();
  }

  it('contacts a Romanian and a Thai number, each with its language\u2019s approved template', async () => {
    roContactUrl = await contactWith('ro', /^(Sms|Text message \(SMS\))/);
    await contactWith('th', /^(Berichtenapp|Messaging app)/);
    await screenshot(page, 'outreach-contact-page');
    // Record an outcome with a follow-up on the Thai contact.
    await page.getByRole('radio', { name: /^(Gereageerd|Replied)$/ }).check();
    await page.getByLabel(/^(Notitie|Note)/).fill('Antwoordde in het Thai; opnieuw proberen.');
    await page.getByRole('button', { name: /^(Uitkomst opslaan|Save outcome)$/ }).click();
    await page.getByText(/^(De uitkomst is opgeslagen\.|The outcome is saved\.)$/).waitFor();
    expect(await page.getByTestId('contact-facts').textContent()).toMatch(/Gereageerd|Replied/);

    await page.goto('/outreach/contacts');
    await page.getByTestId('recent-contacts').waitFor();
    expect(await page.getByTestId('recent-contacts').locator('[data-outcome="replied"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'contacts page');
  });

  it('refuses an unsafe template: the problem is shown at the field and saving is refused', async () => {
    await page.goto('/outreach/templates');
    await page.getByRole('button', { name: /^(Nieuw sjabloon|New template)$/ }).click();
    const editor = page.getByTestId('template-editor');
    await editor.getByLabel(/^(Taal|Language)/).selectOption('pl');
    const badName = unique('Unsafe');
    await editor.getByLabel(/^(Naam|Name)/).fill(badName);
    const body = editor.getByLabel(/^(Bericht|Message)/);
    await body.fill('Cześć! Policja może pomóc. Napisz: {chatLink}');
    const problems = editor.getByTestId('safety-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/Policja/);
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await body.getAttribute('aria-describedby')) ?? '';
    expect(await editor.getByTestId('body-error').getAttribute('id')).toBe(describedBy.split(' ').find((id) => id.endsWith('-error')));
    await expectNoAxeViolations(page, 'template editor with a safety problem');
    await screenshot(page, 'outreach-template-unsafe');
    await editor.getByRole('button', { name: /^(Concept opslaan|Save draft)$/ }).click();
    await expect.poll(async () => (await editor.getByTestId('body-error').textContent()) ?? '').toMatch(/Policja/);
    await expect.poll(() => editor.isVisible()).toBe(true);
    const listed = await callApi<{ items: { name: string }[] }>(page, 'GET', '/api/outreach/templates?language=pl');
    expect(listed.json.items.map((x) => x.name)).not.toContain(badName);
    // The neutral version can be saved; its author cannot approve it (four eyes).
    await body.fill('Cześć! Widziałam twoje ogłoszenie. Masz ochotę pogadać? Napisz: {chatLink}');
    await editor.getByText(/^.*(Geen veiligheidsproblemen|No safety problems)\.$/).waitFor();
    await editor.getByRole('button', { name: /^(Concept opslaan|Save draft)$/ }).click();
    const saved = page.locator(`[data-testid="template"][data-name="${badName}"]`);
    await saved.waitFor();
    expect(await saved.getAttribute('data-status')).toBe('draft');
    expect(await saved.getByRole('button', { name: /^(Goedkeuren|Approve)/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'templates page');
  });

  it('records an opt-out, after which a new contact with that number is refused', async () => {
    await page.goto(roContactUrl);
    await page.getByTestId('contact-events').waitFor();
    await page.getByLabel(/^(Hoe liet de persoon het weten\?|How did the person say so\?)/).selectOption('reply');
    await page.getByRole('button', { name: /^(Afmelding vastleggen|Record opt-out)$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'opt-out confirmation');
    await dialog.getByRole('button', { name: /^(Afmelding vastleggen|Record opt-out)$/ }).click();
    await page.getByTestId('contact-opted-out').waitFor();

    const target = targets.ro!;
    await page.goto(`/outreach/contacts/new?cluster=${encodeURIComponent(target.clusterId)}&target=${target.token}`);
    await page.locator('h1', { hasText: /^(Nieuw contact|New contact)$/ }).waitFor();
    const refusal = page.getByTestId('opted-out');
    // The cluster page may already mark the number as opted out; otherwise the server refuses the attempt.
    await Promise.race([refusal.waitFor(), page.getByRole('radio', { name: names.ro }).waitFor()]);
    if (!(await refusal.isVisible())) {
      await page.getByRole('combobox', { name: /^(Taal|Language)/ }).selectOption('ro');
      await page.getByRole('radio', { name: names.ro }).check();
      await page.getByRole('button', { name: /^(In de outbox zetten|Put in the outbox)$/ }).click();
      await refusal.waitFor();
    }
    expect(await refusal.textContent()).toMatch(/afgemeld|opted out/);
    expect(new URL(page.url()).pathname).toBe('/outreach/contacts/new');
    const direct = await callApi<{ error: { code: string } }>(page, 'POST', '/api/outreach/contacts', { clusterId: target.clusterId, phoneToken: target.token, channel: 'call', language: 'ro' });
    expect(direct.status).toBe(409);
    expect(direct.json.error.code).toBe('OPTED_OUT');
    await expectNoAxeViolations(page, 'new contact refused (opted out)');
    await screenshot(page, 'outreach-contact-opted-out');
  });
});
